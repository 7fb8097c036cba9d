package dev.stackpulse.summit.edge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackpulse.summit.Api;
import dev.stackpulse.testing.RawHttp;
import dev.stackpulse.testing.SharedInfra;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The HTTP edge answers problem+json; links never reflect Host; odd parameters are 400, never 500. */
@QuarkusTest
class HttpEdgeTest {

    private static final Instant YEAR_2100 = Instant.parse("2100-01-01T00:00:00Z");

    private static final String PROBLEM = "application/problem+json";

    private static void assertProblem(RawHttp.Reply reply, int status) {
        assertEquals(status, reply.status(), reply.head() + "\n" + reply.body());
        assertTrue(String.valueOf(reply.header("Content-Type")).startsWith(PROBLEM), reply.head() + "\n" + reply.body());
        assertTrue(reply.body().contains("\"status\":" + status), reply.body());
    }

    @Test
    void httpLayerRefusalsAreProblems() {
        byte[] big = ("{\"body\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertProblem(RawHttp.send("PUT /sessions/1/notes HTTP/1.1", "Authorization: " + SharedInfra.tokens().editor()
                + "\r\nIf-Match: \"0\"\r\nContent-Type: application/json\r\n", big), 413);
        assertProblem(RawHttp.get("/summits?year=" + "1".repeat(5000), ""), 414);
        assertProblem(RawHttp.get("/summits", "X-Filler: " + "b".repeat(30_000) + "\r\n"), 431);
        RawHttp.Reply percent = RawHttp.get("/sessions?q=%G1", "");
        assertProblem(percent, 400);
        assertTrue(percent.body().contains("\"field\":\"q\""), percent.body());
        assertProblem(RawHttp.get("/summits/%", ""), 400);
        assertProblem(RawHttp.get("/summits/a|b", ""), 400);
    }

    @Test
    void forgedHostIsNeverReflectedInLinks() {
        RawHttp.Reply list = RawHttp.get("/summits?limit=1", "Host: evil.example\r\n");
        assertEquals(200, list.status(), list.body());
        assertTrue(list.body().contains("\"next\":\"/summits?"), list.body());
        RawHttp.Reply sessions = RawHttp.get("/sessions?limit=1", "Host: evil.example\r\n");
        assertFalse(sessions.body().contains("evil.example"), sessions.body());
        String slug = Api.unique("edge-host");
        RawHttp.Reply created = RawHttp.send("POST /summits HTTP/1.1", "Host: evil.example\r\nAuthorization: "
                + SharedInfra.tokens().editor() + "\r\nContent-Type: application/json\r\n",
                Api.summit(slug, 2034, 10).getBytes(StandardCharsets.UTF_8));
        assertEquals(201, created.status(), created.body());
        assertEquals("/summits/" + slug, created.header("Location"));
    }

    @Test
    void oddQueryParametersAre400NotServerErrors() {
        given().queryParam("limit", 2147483647).get("/summits").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("limit"));
        given().queryParam("limit", 501).get("/sessions").then().statusCode(400).contentType(PROBLEM)
                .body("detail", equalTo("limit: must be a whole number from 1 to 500"));
        given().queryParam("year", 2147483647).get("/summits").then().statusCode(400).body("errors.field", hasItem("year"));
        given().queryParam("year", 9999).get("/summits").then().statusCode(200).body("items", hasSize(0));
        given().queryParam("after", "%%%").get("/sessions").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("after"));
        given().urlEncodingEnabled(false).get("/sessions/1/notes/diff?from=%00&to=1").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("from"));
        given().get("/sessions/1/notes/diff?from=&to=1").then().statusCode(400).body("errors.field", hasItem("from"));
        given().get("/sessions/1/notes/diff?from=0&to=-1").then().statusCode(400).body("errors.field", hasItem("to"));
        given().get("/sessions/1/notes/diff?from=0&to=99999999999").then().statusCode(400);
        given().get("/sessions/1/items/abc").then().statusCode(org.hamcrest.Matchers.lessThan(500));
    }

    @Test
    void searchLooksAtTheTextsNotTheirJson() {
        for (String q : new String[] {"\"", "[", "]", "\",\""}) {
            given().queryParam("summit", "tokyo-2015").queryParam("q", q).get("/sessions").then().statusCode(200)
                    .body("items", hasSize(0));
        }
        given().queryParam("summit", "tokyo-2015").queryParam("q", "ovs_agent").get("/sessions").then()
                .body("items.id", contains(1));
        given().queryParam("summit", "tokyo-2015").queryParam("q", "OVN").get("/sessions").then()
                .body("items.id", hasItem(4));
    }

    @Test
    void conditionalRequestsFollowRfc9110() {
        given().header("If-None-Match", "W/\"1\"").get("/sessions/1").then().statusCode(304);
        String summit = Api.unique("edge-cond");
        Api.createSummit(summit);
        given().header("If-None-Match", "W/\"0\"").get("/summits/" + summit).then().statusCode(304);
        long id = Api.createSession(summit, "Cond");
        given().header("If-None-Match", "W/\"0\"").get("/sessions/" + id + "/notes").then().statusCode(304);
        Api.asEditor().header("If-Match", "W/\"0\"").contentType("application/merge-patch+json")
                .body("{\"title\":\"T\"}").patch("/sessions/" + id).then().statusCode(412).contentType(PROBLEM);
        Api.asEditor().header("If-Match", "W/\"0\"").body("{\"body\":\"x\"}").put("/sessions/" + id + "/notes")
                .then().statusCode(412).contentType(PROBLEM);
        given().get("/sessions/" + id).then().body("version", equalTo(0));
        given().get("/sessions/" + id + "/notes").then().body("revision", equalTo(0));
    }

    @Test
    void authenticationEdges() {
        given().contentType("application/json").body(Api.summit(Api.unique("anon"), 2035, 1)).post("/summits")
                .then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer")).contentType(PROBLEM);
        String forever = Api.unique("forever");
        given().contentType("application/json").header("Authorization", SharedInfra.tokens().bearerUntil(YEAR_2100, "forever", "editor"))
                .body(Api.summit(forever, 2035, 1)).post("/summits").then().statusCode(401)
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"));
        given().get("/summits/" + forever).then().statusCode(404);
        given().get("/test-only/unannotated").then().statusCode(401);
        given().header("Authorization", SharedInfra.tokens().admin()).get("/test-only/unannotated").then()
                .statusCode(403);
    }
}
