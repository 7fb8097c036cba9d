package dev.stackpulse.summit;

import static io.restassured.RestAssured.given;

import dev.stackpulse.testing.SharedInfra;
import io.restassured.specification.RequestSpecification;
import java.util.concurrent.atomic.AtomicInteger;

/** Request helpers of the summit-service tests. Test summits start in 2030 or later, after every seeded one. */
public final class Api {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private Api() {
    }

    /** A slug no other test uses. */
    public static String unique(String prefix) {
        return prefix + "-" + System.nanoTime() % 1_000_000_000L + "-" + COUNTER.incrementAndGet();
    }

    public static RequestSpecification asEditor() {
        return given().contentType("application/json").header("Authorization", SharedInfra.tokens().editor());
    }

    public static RequestSpecification asAdmin() {
        return given().contentType("application/json").header("Authorization", SharedInfra.tokens().admin());
    }

    /** A valid summit body; year from 2030 on. */
    public static String summit(String slug, int year, Integer attendees) {
        return """
                {"slug":"%s","city":"Testville","season":"%d spring","startDate":"%d-05-10","endDate":"%d-05-13",
                 "status":"held","attendees":%s,"countries":40,"companies":500,"pressAndAnalysts":80,"sponsors":60,
                 "firstTimePercent":45,"minSessions":250,
                 "links":{"site":"https://example.org/%s/","videos":"https://example.org/%s/videos/"}}"""
                .formatted(slug, year, year, year, attendees == null ? "null" : attendees.toString(), slug, slug);
    }

    public static void createSummit(String slug) {
        asEditor().body(summit(slug, 2031, 1000)).post("/summits").then().statusCode(201);
    }

    /** A valid session body on the given summit. */
    public static String session(String summit, String title) {
        return """
                {"summit":"%s","release":"newton","project":"neutron","title":"%s","kind":"core track",
                 "etherpad":"https://etherpad.openstack.org/p/%s","summary":"A test session.",
                 "topics":["first topic","second topic"],
                 "items":[{"text":"write the spec","status":"needs-work","owner":"alice"},
                          {"text":"merge the patch","status":"ready-to-merge"}]}"""
                .formatted(summit, title, summit);
    }

    /** Creates a session and returns its id. */
    public static long createSession(String summit, String title) {
        return asEditor().body(session(summit, title)).post("/sessions").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }
}
