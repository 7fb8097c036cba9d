package dev.stackpulse.summit;

import static dev.stackpulse.summit.Api.asAdmin;
import static dev.stackpulse.summit.Api.asEditor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stackpulse.testing.SharedInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GET/POST/PUT/PATCH/DELETE /summits/{slug}/colocated-events: the seeded training, paging, writes, refusals. */
@QuarkusTest
class ColocatedEventResourceTest {

    private static final String TOKYO = "/summits/tokyo-2015/colocated-events";
    private static final String WIKI = "https://wiki.openstack.org/wiki/OpenStack_Upstream_Training/Info";

    /** A valid body; dates in 2031, on the test summits' side of the seeded ones. */
    static String event(String key, String start, String end) {
        return """
                {"key":"%s","kind":"training","name":"Test training %s","startDate":"%s","endDate":"%s",
                 "taughtBy":"core reviewers","url":"https://example.org/%s","summaryEn":"How to contribute.",
                 "summaryJa":"貢献のしかた。"}""".formatted(key, key, start, end, key);
    }

    @Test
    void tokyosUpstreamTrainingIsSeeded() {
        given().get(TOKYO).then().statusCode(200).header("Content-Language", "en")
                .body("items", hasSize(1)).body("limit", equalTo(50)).body("next", nullValue())
                .body("items[0].key", equalTo("upstream-training"));
        given().get(TOKYO + "/upstream-training").then().statusCode(200).header("ETag", "\"1\"")
                .header("Content-Language", "en").header("Vary", containsString("Accept-Language"))
                .body("summit", equalTo("tokyo-2015")).body("kind", equalTo("training"))
                .body("name", equalTo("Upstream University (OpenStack Upstream Training)"))
                .body("startDate", equalTo("2015-10-25")).body("endDate", equalTo("2015-10-26"))
                .body("days", equalTo(2)).body("url", equalTo(WIKI))
                .body("taughtBy", equalTo("PTLs (project team leads)"))
                .body("summary", containsString("talent shortage")).body("summaryLanguage", equalTo("en"))
                .body("summaryJa", containsString("人材不足")).body("version", equalTo(1))
                .body("createdAt", org.hamcrest.Matchers.matchesPattern(
                        "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        given().header("If-None-Match", "\"1\"").get(TOKYO + "/upstream-training").then().statusCode(304);
        given().queryParam("kind", "training").get(TOKYO).then().statusCode(200)
                .body("items.key", contains("upstream-training"));
        given().queryParam("kind", "workshop").get(TOKYO).then().statusCode(200).body("items", hasSize(0));
        // the summit's own version line is untouched by its co-located events
        given().get("/summits/tokyo-2015").then().statusCode(200).body("version", equalTo(1));
    }

    @Test
    void theSummaryFollowsAcceptLanguageWithItsOwnETag() {
        given().header("Accept-Language", "ja").get(TOKYO + "/upstream-training").then().statusCode(200)
                .header("ETag", "\"1-ja\"").header("Content-Language", "ja")
                .body("summaryLanguage", equalTo("ja"))
                .body("summary", startsWith("開発者向けに、コントリビュータに必要な「お作法」"))
                .body("summaryEn", containsString("ways of working"));
        given().header("Accept-Language", "ja").header("If-None-Match", "\"1-ja\"").get(TOKYO + "/upstream-training")
                .then().statusCode(304);
        given().header("Accept-Language", "ja").header("If-None-Match", "\"1\"").get(TOKYO + "/upstream-training")
                .then().statusCode(200);
        given().header("Accept-Language", "fr, ja;q=0.5").get(TOKYO).then().statusCode(200)
                .header("Content-Language", "ja").body("items[0].summaryLanguage", equalTo("ja"));
        given().header("Accept-Language", "ja;q=0, *").get(TOKYO + "/upstream-training").then()
                .body("summaryLanguage", equalTo("en"));
        // an event without Japanese text answers English, tagged as English, to a Japanese reader
        String summit = Api.unique("cola");
        Api.createSummit(summit);
        asEditor().body(event("english-only", "2031-05-08", "2031-05-09").replace("\"貢献のしかた。\"", "null"))
                .post("/summits/" + summit + "/colocated-events").then().statusCode(201);
        given().header("Accept-Language", "ja").get("/summits/" + summit + "/colocated-events/english-only").then()
                .statusCode(200).header("ETag", "\"0\"").header("Content-Language", "en")
                .body("summaryJa", nullValue()).body("summary", equalTo("How to contribute."));
    }

    @Test
    void aWalkWithLimit2SeesEveryEventOnceInDateThenKeyOrder() {
        String summit = Api.unique("colw");
        Api.createSummit(summit);
        String base = "/summits/" + summit + "/colocated-events";
        for (String[] e : List.of(new String[] {"zeta", "2031-05-08"}, new String[] {"alpha", "2031-05-09"},
                new String[] {"beta", "2031-05-08"})) {
            asEditor().body(event(e[0], e[1], e[1])).post(base).then().statusCode(201);
        }
        List<String> seen = new ArrayList<>();
        String next = base + "?limit=2";
        int pages = 0;
        while (next != null) {
            Response page = given().get(next);
            page.then().statusCode(200).body("limit", equalTo(2));
            JsonPath json = page.jsonPath();
            seen.addAll(json.getList("items.key"));
            next = json.getString("next");
            String link = page.getHeader("Link");
            assertEquals(next == null ? null : "<" + next + ">; rel=\"next\"", link);
            pages++;
        }
        assertEquals(List.of("beta", "zeta", "alpha"), seen);
        assertEquals(2, pages);
        given().queryParam("kind", "workshop").get(base).then().body("items", hasSize(0));
        given().queryParam("kind", "party").get(base).then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("/problems/invalid-parameter"))
                .body("errors[0].field", equalTo("kind"));
        given().queryParam("page", "2").get(base).then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/unknown-parameter"));
        given().queryParam("limit", "501").get(base).then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().queryParam("after", "bm9wZQ").get(base).then().statusCode(400)
                .body("errors[0].field", equalTo("after"));
        String sessionsCursor = given().queryParam("limit", 1).get("/sessions").jsonPath().getString("next");
        String foreign = sessionsCursor.substring(sessionsCursor.indexOf("after=") + 6).replaceAll("&.*", "");
        given().queryParam("after", foreign).get(base).then().statusCode(400)
                .body("errors[0].field", equalTo("after"));
        given().get("/summits/atlantis-1999/colocated-events").then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("/problems/not-found"));
    }

    @Test
    void createReplacePatchAndDeleteFollowETagAndIfMatch() {
        String summit = Api.unique("colc");
        Api.createSummit(summit);
        String base = "/summits/" + summit + "/colocated-events";
        String one = base + "/hack";
        asEditor().body(event("hack", "2031-05-08", "2031-05-09").replace("\"training\"", "\"hackathon\""))
                .post(base).then().statusCode(201).header("ETag", "\"0\"")
                .header("Location", endsWith(one)).body("kind", equalTo("hackathon")).body("version", equalTo(0))
                .body("summit", equalTo(summit)).body("days", equalTo(2));
        given().get(one).then().statusCode(200).header("ETag", "\"0\"").body("name", equalTo("Test training hack"));
        asEditor().body(event("hack", "2031-05-08", "2031-05-09")).post(base).then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("/problems/conflict"));

        String replaced = event("hack", "2031-05-07", "2031-05-09").replace("core reviewers", "PTLs");
        asEditor().header("If-Match", "\"0\"").body(replaced).put(one).then().statusCode(200)
                .header("ETag", "\"1\"").body("taughtBy", equalTo("PTLs")).body("days", equalTo(3));
        asEditor().header("If-Match", "\"0\"").body(event("hack", "2031-05-01", "2031-05-01")).put(one).then()
                .statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("/problems/precondition-failed"));
        asEditor().header("If-Match", "W/\"1\"").body(event("hack", "2031-05-01", "2031-05-01")).put(one).then()
                .statusCode(412);
        given().get(one).then().body("startDate", equalTo("2031-05-07")).body("version", equalTo(1));

        asEditor().header("If-Match", "\"1\"").contentType("application/merge-patch+json")
                .body("{\"taughtBy\":null,\"url\":\"https://example.org/hack/v2\"}").patch(one).then().statusCode(200)
                .header("ETag", "\"2\"").body("taughtBy", nullValue()).body("url", equalTo("https://example.org/hack/v2"))
                .body("name", equalTo("Test training hack"));
        asEditor().body("{\"taughtBy\":\"x\"}").patch(one).then().statusCode(415)
                .contentType("application/problem+json");
        asEditor().header("If-Match", "\"1\"").contentType("application/merge-patch+json")
                .body("{\"taughtBy\":\"late\"}").patch(one).then().statusCode(412);
        // If-Match is optional here (one editor at a time, like sessions): without it the write goes through
        asEditor().header("Accept-Language", "ja").contentType("application/merge-patch+json")
                .body("{\"summaryJa\":\"\\u65b0\\u3057\\u3044\\u8981\\u7d04\"}").patch(one).then().statusCode(200).header("ETag", "\"3-ja\"")
                .header("Content-Language", "ja").body("summary", equalTo("新しい要約"));

        asEditor().delete(one).then().statusCode(403).contentType("application/problem+json");
        asAdmin().header("If-Match", "\"2\"").delete(one).then().statusCode(412);
        // a summit is not deleted under its co-located events (each ends with its own event)
        asAdmin().delete("/summits/" + summit).then().statusCode(409).body("detail", containsString("co-located"));
        asAdmin().header("If-Match", "\"3\"").delete(one).then().statusCode(204);
        given().get(one).then().statusCode(404).contentType("application/problem+json");
        asAdmin().delete(one).then().statusCode(404);
        given().get(base).then().body("items", hasSize(0));
        asAdmin().delete("/summits/" + summit).then().statusCode(204);
    }

    @Test
    void badEventsAreRefusedNamingTheFieldAndStoreNothing() {
        String summit = Api.unique("colb");
        Api.createSummit(summit);
        String base = "/summits/" + summit + "/colocated-events";
        String valid = event("kept", "2031-05-08", "2031-05-09");
        assertRefused(base, valid.replace("\"endDate\":\"2031-05-09\"", "\"endDate\":\"2031-05-07\""), "endDate");
        assertRefused(base, valid.replace("https://example.org/kept", "ftp://example.org/kept"), "url");
        assertRefused(base, valid.replace("https://example.org/kept", "not a url"), "url");
        assertRefused(base, valid.replace("\"training\"", "\"party\""), "kind");
        assertRefused(base, valid.replace("\"key\":\"kept\"", "\"key\":\"Kept!\""), "key");
        assertRefused(base, valid.replace("\"key\":\"kept\",", ""), "key");
        assertRefused(base, valid.replace("\"startDate\":\"2031-05-08\"", "\"startDate\":\"soon\""), "startDate");
        assertRefused(base, valid.replace("\"name\":\"Test training kept\"", "\"name\":\"\""), "name");
        assertRefused(base, valid.replace("{", "{\"room\":\"A\","), "room");
        assertRefused(base, valid.replace("\"name\":\"Test training kept\"", "\"name\":42"), "name");
        asEditor().body("{oops").post(base).then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-body"));
        given().get(base).then().body("items", hasSize(0));
        asEditor().body(valid).post("/summits/atlantis-1999/colocated-events").then().statusCode(404)
                .contentType("application/problem+json");

        asEditor().body(valid).post(base).then().statusCode(201);
        String one = base + "/kept";
        asEditor().body(valid.replace("\"key\":\"kept\"", "\"key\":\"other\"")).put(one).then().statusCode(400)
                .body("errors[0].field", equalTo("key"));
        asEditor().body(valid.replace("\"endDate\":\"2031-05-09\"", "\"endDate\":\"2031-05-01\"")).put(one).then()
                .statusCode(400).body("errors[0].field", equalTo("endDate"));
        asEditor().contentType("application/merge-patch+json").body("{\"url\":\"mailto:x@example.org\"}")
                .patch(one).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("url"));
        asEditor().contentType("application/merge-patch+json").body("{\"kind\":null}").patch(one).then()
                .statusCode(400).body("errors[0].field", equalTo("kind"));
        asEditor().contentType("application/merge-patch+json").body("{\"room\":\"B\"}").patch(one).then()
                .statusCode(400).body("type", equalTo("/problems/invalid-body"));
        given().get(one).then().statusCode(200).body("version", equalTo(0)).body("url", equalTo("https://example.org/kept"))
                .body("endDate", equalTo("2031-05-09"));
    }

    @Test
    void writesNeedAnEditorAndDeletesAnAdmin() {
        String valid = event("nobody", "2031-05-08", "2031-05-09");
        given().contentType("application/json").body(valid).post(TOKYO).then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", startsWith("Bearer"));
        String viewer = SharedInfra.tokens().bearer("x", "viewer");
        given().contentType("application/json").header("Authorization", viewer).body(valid).post(TOKYO).then()
                .statusCode(403).contentType("application/problem+json").body("type", equalTo("/problems/forbidden"));
        given().contentType("application/json").header("Authorization", viewer).body(valid.replace("nobody",
                "upstream-training")).put(TOKYO + "/upstream-training").then().statusCode(403);
        given().contentType("application/merge-patch+json").header("Authorization", viewer)
                .body("{\"taughtBy\":\"nobody\"}").patch(TOKYO + "/upstream-training").then().statusCode(403);
        given().contentType("application/merge-patch+json").body("{\"taughtBy\":\"nobody\"}")
                .patch(TOKYO + "/upstream-training").then().statusCode(401);
        given().delete(TOKYO + "/upstream-training").then().statusCode(401);
        given().header("Authorization", viewer).delete(TOKYO + "/upstream-training").then().statusCode(403);
        given().get(TOKYO + "/upstream-training").then().statusCode(200).body("version", equalTo(1))
                .body("taughtBy", not(equalTo("nobody")));
        given().get(TOKYO + "/nobody").then().statusCode(404);
    }

    private static void assertRefused(String base, String body, String field) {
        asEditor().body(body).post(base).then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-body")).body("errors.field", org.hamcrest.Matchers.hasItem(field));
    }
}
