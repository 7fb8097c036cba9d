package dev.stackpulse.feed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackpulse.testing.SharedInfra;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Input at the edges: a cursor beyond the head is refused (a client holding it would never see new events), and
 * no query parameter or header, however odd, yields a 5xx: each is a 400-family problem+json that changes nothing.
 */
@QuarkusTest
class FeedEdgeInputTest {

    @TestHTTPResource("/feed/stream")
    URL stream;

    @Test
    void aCursorBeyondTheHeadIsRefusedNamingTheHead() throws Exception {
        long head = given().get("/feed/stats").jsonPath().getLong("head");
        long beyond = head + 1000;
        given().queryParam("after", beyond).get("/feed").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("after"))
                .body("detail", containsString("newest position"));
        String detail = given().queryParam("after", beyond).get("/feed").jsonPath().getString("detail");
        long named = Long.parseLong(detail.replaceAll("(?s).*newest position (\\d+).*", "$1"));
        assertTrue(named >= head && named < beyond, detail);
        // At the head is fine: an empty page whose next is the same cursor.
        String next = given().queryParam("after", head).queryParam("source", "nobody").get("/feed").then()
                .statusCode(200).extract().jsonPath().getString("next");
        assertEquals(head, FeedPages.after(next));

        try (SseClient resumed = new SseClient(stream.toString(), Map.of("Last-Event-ID", Long.toString(beyond)))) {
            assertEquals(400, resumed.status());
            assertTrue(resumed.contentType().startsWith("application/problem+json"));
            String body = resumed.errorBody();
            assertTrue(body.contains("Last-Event-ID") && body.contains("newest position"), body);
        }
        try (SseClient started = new SseClient(stream + "?after=" + beyond, Map.of())) {
            assertEquals(400, started.status());
            assertTrue(started.errorBody().contains("\"after\""));
        }
        try (SseClient atHead = new SseClient(stream + "?after=" + head, Map.of())) {
            assertEquals(200, atHead.status());
        }
    }

    @Test
    void noOddParameterOrHeaderYieldsA5xx() throws Exception {
        List<String> queries = List.of(
                "/feed?since=%2B10000-01-01T00:00:00Z", "/feed?since=-999999999-01-01T00:00:00Z",
                "/feed?since=%2B999999999-12-31T23:59:59.999999999-18:00",
                "/feed?subject=%00", "/feed?source=%00", "/feed?type=%00", "/feed?type=a%00.", "/feed?subject=a%01b",
                "/feed?after=9223372036854775807", "/feed?after=9223372036854775808", "/feed?after=1e3",
                "/feed?after=0x10", "/feed?after=%EF%BC%91%EF%BC%92", "/feed?limit=2147483648",
                "/feed?limit=99999999999999999999", "/feed?limit=-2147483648", "/feed?after=%F0%9F%9A%80",
                "/feed.atom?page=2147483647", "/feed.atom?page=-1", "/feed.atom?page=1e9", "/feed.atom?page=99999999999",
                "/feed/digest?since=%2B10000-01-01T00:00:00Z", "/feed/digest?since=-999999999-01-01T00:00:00Z",
                "/feed/stream?since=%2B10000-01-01T00:00:00Z", "/feed/stream?subject=%00",
                "/feed/stream?after=9223372036854775807", "/feed/stream?after=%EF%BC%91");
        List<String> failures = new ArrayList<>();
        // Odd but well-formed: answered normally.
        for (String query : List.of("/feed?since=0000-01-01T00:00:00Z", "/feed?type=%25%5C_%25",
                "/feed?subject=" + "x".repeat(2000), "/feed?after=%2B0")) {
            int status = given().urlEncodingEnabled(false).get(query).statusCode();
            if (status != 200) {
                failures.add(query + " -> " + status + " (expected 200)");
            }
        }
        String base = stream.toString().replace("/feed/stream", "");
        for (String query : queries) {
            if (query.startsWith("/feed/stream")) {
                // An accepted stream never ends: read only its status and headers.
                try (SseClient client = new SseClient(base + query, Map.of())) {
                    check(query, client.status(), client.contentType(), failures);
                }
                continue;
            }
            Response response = given().urlEncodingEnabled(false).header("Accept", "*/*").get(query);
            check(query, response.statusCode(), response.contentType(), failures);
        }
        for (String lastEventId : List.of("-1", "1.5", "99999999999999999999", "9223372036854775807", "\uFF11\uFF12",
                "0x1f", "1 2")) {
            try (SseClient client = new SseClient(stream.toString(), Map.of("Last-Event-ID", lastEventId))) {
                check("Last-Event-ID " + lastEventId, client.status(), client.contentType(), failures);
            }
        }
        String admin = SharedInfra.tokens().admin();
        long prunedBefore = given().get("/feed/stats").jsonPath().getLong("prunedThrough");
        for (String prune : List.of("through=9223372036854775807", "through=99999999999", "through=%EF%BC%91",
                "before=%2B10000-01-01T00:00:00Z", "before=-999999999-01-01T00:00:00Z")) {
            Response response = given().urlEncodingEnabled(false).header("Authorization", admin)
                    .post("/feed/admin/prune?" + prune);
            check("prune " + prune, response.statusCode(), response.contentType(), failures);
            if (response.statusCode() != 400) {
                failures.add("prune " + prune + " -> " + response.statusCode() + " (expected 400)");
            }
        }
        assertEquals(prunedBefore, given().get("/feed/stats").jsonPath().getLong("prunedThrough"),
                "refused prunes changed nothing");
        assertEquals(List.of(), failures);
    }

    private static void check(String what, int status, String contentType, List<String> failures) {
        if (status >= 500) {
            failures.add(what + " -> " + status);
        } else if (status >= 400 && (contentType == null || !contentType.startsWith("application/problem+json"))) {
            failures.add(what + " -> " + status + " as " + contentType);
        } else if (status < 400) {
            failures.add(what + " -> " + status + " (expected a 400 problem)");
        }
    }
}
