package dev.stackpulse.catalog.project;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stackpulse.catalog.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/** A PUT is one UPDATE, the outbox INSERT and the commit: it never reads the project first (issue 12). */
@QuarkusTest
class ProjectWriteCostTest {

    @Inject
    EntityManagerFactory emf;

    @Test
    void putUpdatesWithoutReadingTheRowFirst() {
        String slug = TestData.createProject("cost");
        String release = TestData.createRelease("cost");
        String createdAt = given().get("/projects/" + slug).path("createdAt");
        Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
        stats.setStatisticsEnabled(true);
        stats.clear();
        try {
            String body = """
                    {"slug":"%s","name":"Cheap","serviceName":"Other service","serviceType":"other","tier":"core",
                     "firstRelease":"%s","governanceTags":["team:a","team:b"],"sdkCount":3}""".formatted(slug, release);
            TestData.editor().header("If-Match", "\"0\"").body(body).put("/projects/" + slug).then().statusCode(200)
                    .header("ETag", "\"1\"").body("version", equalTo(1)).body("firstRelease", equalTo(release))
                    .body("createdAt", equalTo(createdAt));
            assertEquals(0, stats.getEntityStatistics(Project.class.getName()).getLoadCount(),
                    "the project is not read before its update");
        } finally {
            stats.setStatisticsEnabled(false);
        }
        given().get("/projects/" + slug).then().body("name", equalTo("Cheap")).body("version", equalTo(1))
                .body("governanceTags[1]", equalTo("team:b")).body("sdkCount", equalTo(3));
    }

    @Test
    void refusedPutChangesNothing() {
        String slug = TestData.createProject("cost");
        String body = """
                {"slug":"%s","name":"Never","serviceName":"Other service","serviceType":"other","tier":"core"}"""
                .formatted(slug);
        TestData.editor().header("If-Match", "\"7\"").body(body).put("/projects/" + slug).then().statusCode(412);
        TestData.editor().body(body.replace("\"core\"", "\"core\",\"firstRelease\":\"no-such-release\""))
                .put("/projects/" + slug).then().statusCode(400).body("errors[0].field", equalTo("firstRelease"));
        TestData.editor().body(body.replace("\"slug\":\"" + slug, "\"slug\":\"other-" + slug))
                .put("/projects/" + slug).then().statusCode(400).body("errors[0].field", equalTo("slug"));
        given().get("/projects/" + slug).then().body("name", equalTo("Test " + slug)).body("version", equalTo(0));
    }
}
