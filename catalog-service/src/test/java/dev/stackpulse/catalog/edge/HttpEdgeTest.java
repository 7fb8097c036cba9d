package dev.stackpulse.catalog.edge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackpulse.catalog.TestData;
import dev.stackpulse.testing.RawHttp;
import dev.stackpulse.testing.SharedInfra;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the HTTP layer refuses before the application still answers application/problem+json. */
@QuarkusTest
class HttpEdgeTest {

    private static final Instant YEAR_2100 = Instant.parse("2100-01-01T00:00:00Z");

    private static void assertProblem(RawHttp.Reply reply, int status) {
        assertEquals(status, reply.status(), reply.head() + "\n" + reply.body());
        assertTrue(String.valueOf(reply.header("Content-Type")).startsWith("application/problem+json"), reply.head() + "\n" + reply.body());
        assertTrue(reply.body().contains("\"status\":" + status), reply.body());
    }

    @Test
    void bodyOverTheLimitIs413Problem() {
        byte[] body = TestData.projectJson("edge-big", "core").replace("\"Test service\"",
                "\"" + "x".repeat(2200 * 1024) + "\"").getBytes(StandardCharsets.UTF_8);
        RawHttp.Reply reply = RawHttp.send("POST /projects HTTP/1.1", "Authorization: "
                + SharedInfra.tokens().editor() + "\r\nContent-Type: application/json\r\n", body);
        assertProblem(reply, 413);
        given().get("/projects/edge-big").then().statusCode(404);
    }

    @Test
    void uriTooLongIs414Problem() {
        assertProblem(RawHttp.get("/projects?q=" + "a".repeat(5000), ""), 414);
    }

    @Test
    void headersTooLargeIs431Problem() {
        assertProblem(RawHttp.get("/projects", "X-Filler: " + "b".repeat(30_000) + "\r\n"), 431);
    }

    @Test
    void malformedPercentEncodingIs400ProblemNamingWhere() {
        RawHttp.Reply path = RawHttp.get("/projects/%zz", "");
        assertProblem(path, 400);
        assertTrue(path.body().contains("\"field\":\"path\""), path.body());
        RawHttp.Reply query = RawHttp.get("/projects?tier=core&q=%", "");
        assertProblem(query, 400);
        assertTrue(query.body().contains("\"field\":\"q\""), query.body());
        RawHttp.Reply nul = RawHttp.get("/projects?q=%00", "");
        assertProblem(nul, 400);
        assertTrue(nul.body().contains("\"field\":\"q\""), nul.body());
    }

    @Test
    void forgedHostIsNeverReflectedInLinks() {
        RawHttp.Reply list = RawHttp.get("/projects?limit=1", "Host: evil.example\r\n");
        assertEquals(200, list.status(), list.body());
        assertTrue(list.body().contains("\"next\":\"/projects?"), list.body());
        assertFalse(list.body().contains("evil.example"), list.body());
        RawHttp.Reply releases = RawHttp.get("/releases?limit=1", "Host: evil.example\r\n");
        assertFalse(releases.body().contains("evil.example"), releases.body());

        byte[] body = TestData.projectJson("edge-host", "core").getBytes(StandardCharsets.UTF_8);
        RawHttp.Reply created = RawHttp.send("POST /projects HTTP/1.1", "Host: evil.example\r\nAuthorization: "
                + SharedInfra.tokens().editor() + "\r\nContent-Type: application/json\r\n", body);
        assertEquals(201, created.status(), created.body());
        assertNotNull(created.header("Location"));
        assertEquals("/projects/edge-host", created.header("Location"));
    }

    @Test
    void unauthenticatedWritesNameTheBearerScheme() {
        given().contentType("application/json").body(TestData.projectJson("edge-anon", "core")).post("/projects")
                .then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer"))
                .contentType("application/problem+json");
        given().contentType("application/json").header("Authorization", "Bearer not-a-jwt")
                .body(TestData.projectJson("edge-anon", "core")).post("/projects")
                .then().statusCode(401).header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"));
    }

    @Test
    void aTokenValidForDecadesIsRefused() {
        String token = SharedInfra.tokens().bearerUntil(YEAR_2100, "forever", "editor");
        given().contentType("application/json").header("Authorization", token)
                .body(TestData.projectJson("edge-forever", "core")).post("/projects").then().statusCode(401);
        given().get("/projects/edge-forever").then().statusCode(404);
    }

    @Test
    void unannotatedEndpointsAreDenied() {
        given().get("/test-only/unannotated").then().statusCode(401);
        given().header("Authorization", SharedInfra.tokens().admin()).get("/test-only/unannotated").then()
                .statusCode(403);
        given().get("/projects/nova").then().statusCode(200);
        given().get("/releases").then().statusCode(200);
    }
}
