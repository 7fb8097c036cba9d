package dev.stackpulse.catalog;

import static io.restassured.RestAssured.given;

import dev.stackpulse.testing.SharedInfra;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test data helpers. Tests share one database per JVM, so they create uniquely named entities and write
 * per-release records only into Kilo (never into a newer release: "newest with data" must stay Liberty).
 */
public final class TestData {

    public static final String JSON = "application/json";
    public static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";
    private static final AtomicInteger SEQUENCE = new AtomicInteger(5000);

    private TestData() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static RequestSpecification editor() {
        return given().header("Authorization", SharedInfra.tokens().editor()).contentType(JSON);
    }

    public static RequestSpecification admin() {
        return given().header("Authorization", SharedInfra.tokens().admin()).contentType(JSON);
    }

    public static String projectJson(String slug, String tier) {
        return """
                {"slug":"%s","name":"Test %s","serviceName":"Test service","serviceType":"test","tier":"%s"}"""
                .formatted(slug, slug, tier);
    }

    /** Creates an optional project with only the required fields; returns its slug. */
    public static String createProject(String prefix) {
        String slug = unique(prefix);
        editor().body(projectJson(slug, "optional")).post("/projects").then().statusCode(201);
        return slug;
    }

    /** Creates a project from a full JSON body (must contain the slug). */
    public static void createProject(String body, int expectedStatus) {
        editor().body(body).post("/projects").then().statusCode(expectedStatus);
    }

    /** Creates a release series with a sequence far above the seeded ones; returns its name. */
    public static String createRelease(String prefix) {
        String name = unique(prefix);
        editor().body(releaseJson(name, nextSequence(), "planned")).post("/releases").then().statusCode(201);
        return name;
    }

    public static int nextSequence() {
        return SEQUENCE.incrementAndGet();
    }

    public static String releaseJson(String name, int sequence, String status) {
        return """
                {"name":"%s","displayName":"Test %s","sequence":%d,"versionLabel":"9999.1","releaseDate":"2030-01-01",
                 "status":"%s","keywords":["Testing"]}""".formatted(name, name, sequence, status);
    }

    /**
     * Follows a list's next links from {@code first} and returns {@code field} of every item, checking on each page
     * that the Link header is present exactly when next is not null, and names the same link.
     */
    public static List<String> walk(String first, String field) {
        List<String> seen = new ArrayList<>();
        String next = first;
        for (int pages = 0; next != null; pages++) {
            if (pages > 1000) {
                throw new AssertionError("more than 1000 pages: the walk does not end");
            }
            io.restassured.response.Response page = given().get(next);
            page.then().statusCode(200);
            List<String> items = page.path("items." + field);
            seen.addAll(items);
            next = page.path("next");
            String link = page.header("Link");
            if (next == null) {
                org.junit.jupiter.api.Assertions.assertNull(link, "Link header on the last page");
            } else {
                org.junit.jupiter.api.Assertions.assertEquals("<" + next + ">; rel=\"next\"", link);
            }
        }
        return seen;
    }

    /** Sets the project's Kilo record. */
    public static void putKilo(String slug, int adoption, String... highlights) {
        StringBuilder list = new StringBuilder();
        for (String h : highlights) {
            list.append(list.length() == 0 ? "" : ",").append('"').append(h).append('"');
        }
        editor().body("{\"adoption\":" + adoption + ",\"highlights\":[" + list + "]}")
                .put("/releases/kilo/projects/" + slug).then().statusCode(org.hamcrest.Matchers.anyOf(
                        org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)));
    }
}
