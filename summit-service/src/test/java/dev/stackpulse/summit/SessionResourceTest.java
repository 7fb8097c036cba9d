package dev.stackpulse.summit;

import static dev.stackpulse.summit.Api.asAdmin;
import static dev.stackpulse.summit.Api.asEditor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackpulse.testing.SharedInfra;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GET/POST/PUT/PATCH/DELETE /sessions, item status changes, filters and full-text search. */
@QuarkusTest
class SessionResourceTest {

    @Test
    void theFourMitakaSessionsAreSeeded() {
        given().queryParam("summit", "tokyo-2015").queryParam("release", "mitaka").get("/sessions").then()
                .statusCode(200).body("items", hasSize(4))
                .body("items.title", contains("Neutron: Core Track - Liberty Backlog", "Ops: Networking",
                        "Nova: SR-IOV", "Neutron: NFV foundation elements"))
                .body("items.etherpad", hasItem("https://etherpad.openstack.org/p/TYO-ops-networking"));
        given().get("/sessions/1").then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("summit", equalTo("tokyo-2015")).body("project", equalTo("neutron"))
                .body("kind", equalTo("core track"))
                .body("etherpad", equalTo("https://etherpad.openstack.org/p/mitaka-neutron-core-liberty-backlog"))
                .body("items.text", contains("ovs_agent rework", "availability-zone support for dhcp_agent and l3_agent",
                        "unaddressed ports", "RFC 4007 implementation"))
                .body("items.status", contains("ready-to-merge", "ready-to-merge", "needs-work", "needs-work"))
                .body("items.n", contains(1, 2, 3, 4));
        given().get("/sessions/4").then().statusCode(200).body("topics", contains("SFC", "Tacker", "OVN", "DPDK"))
                .body("reference", containsString("networking-sfc"));
        given().get("/sessions/999999").then().statusCode(404).contentType("application/problem+json");
        given().header("If-None-Match", "\"1\"").get("/sessions/3").then().statusCode(304);
    }

    @Test
    void filtersByProjectItemStatusAndText() {
        given().queryParam("summit", "tokyo-2015").queryParam("project", "nova").get("/sessions").then()
                .body("items.title", contains("Nova: SR-IOV"));
        given().queryParam("summit", "tokyo-2015").queryParam("itemStatus", "needs-work").get("/sessions").then()
                .body("items.id", contains(1));
        given().queryParam("summit", "tokyo-2015").queryParam("itemStatus", "done").get("/sessions").then()
                .body("items", hasSize(0));
        given().queryParam("summit", "tokyo-2015").queryParam("q", "tacker").get("/sessions").then()
                .body("items.id", contains(4));
        given().queryParam("summit", "tokyo-2015").queryParam("q", "log management").get("/sessions").then()
                .body("items.id", contains(2));
        given().queryParam("summit", "tokyo-2015").queryParam("q", "100%_").get("/sessions").then()
                .body("items", hasSize(0));
        given().queryParam("itemStatus", "finished").get("/sessions").then().statusCode(400)
                .body("errors[0].field", equalTo("itemStatus"));
        given().queryParam("summit", "tokyo-2015").queryParam("limit", 3).get("/sessions").then()
                .body("items", hasSize(3)).body("limit", equalTo(3)).body("next", containsString("after="));
        given().queryParam("summit", "tokyo-*").queryParam("project", "neut*").get("/sessions").then()
                .statusCode(200).body("items.id", contains(1, 2, 4));
        given().queryParam("project", "n*tron").get("/sessions").then().statusCode(400)
                .body("type", equalTo("/problems/invalid-parameter")).body("errors[0].field", equalTo("project"));
    }

    @Test
    void japaneseTextIsFoundInTitleSummaryTopicsAndNotes() {
        String summit = Api.unique("ja");
        Api.createSummit(summit);
        long id = asEditor().body("""
                {"summit":"%s","release":"mitaka","project":"nova","title":"運用者フィードバック",
                 "kind":"ops feedback","etherpad":"https://etherpad.openstack.org/p/ja-test",
                 "summary":"ログ管理の改善について議論した。","topics":["大規模環境での障害共有"]}"""
                .formatted(summit)).post("/sessions").then().statusCode(201).extract().jsonPath().getLong("id");
        for (String q : List.of("フィードバック", "ログ管理", "障害共有")) {
            given().queryParam("summit", summit).queryParam("q", q).get("/sessions").then()
                    .body("items.id", contains((int) id));
        }
        given().queryParam("summit", summit).queryParam("q", "デザインサミット").get("/sessions").then()
                .body("items", hasSize(0));
        asEditor().header("If-Match", "\"0\"").body("{\"body\":\"# 議事録\\nデザインサミットでSFCを検討。\"}")
                .put("/sessions/" + id + "/notes").then().statusCode(200);
        given().queryParam("summit", summit).queryParam("q", "デザインサミット").get("/sessions").then()
                .body("items.id", contains((int) id));
    }

    @Test
    void createReplacePatchItemAndDelete() {
        String summit = Api.unique("sess");
        Api.createSummit(summit);
        long id = Api.createSession(summit, "Lifecycle");
        given().get("/sessions/" + id).then().statusCode(200).body("version", equalTo(0))
                .body("items.owner", contains("alice", null)).body("topics", contains("first topic", "second topic"));

        asEditor().body(Api.session(summit, "Renamed")).header("If-Match", "\"0\"").put("/sessions/" + id).then()
                .statusCode(200).body("title", equalTo("Renamed")).body("version", equalTo(1));
        asEditor().body(Api.session(summit, "Stale")).header("If-Match", "\"0\"").put("/sessions/" + id).then()
                .statusCode(412);

        asEditor().contentType("application/merge-patch+json").body("{\"summary\":\"Changed.\",\"reference\":null}")
                .patch("/sessions/" + id).then().statusCode(200).body("summary", equalTo("Changed."))
                .body("title", equalTo("Renamed")).body("items", hasSize(2)).body("version", equalTo(2));

        asEditor().contentType("application/merge-patch+json").body("{\"status\":\"done\"}")
                .patch("/sessions/" + id + "/items/1").then().statusCode(200)
                .body("items.status", contains("done", "ready-to-merge"))
                .body("items[0].owner", equalTo("alice")).body("version", equalTo(3));
        asEditor().contentType("application/merge-patch+json").body("{\"status\":\"finished\"}")
                .patch("/sessions/" + id + "/items/2").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("status"));
        asEditor().contentType("application/merge-patch+json").body("{\"status\":\"done\"}")
                .patch("/sessions/" + id + "/items/3").then().statusCode(404);
        asEditor().contentType("application/merge-patch+json").body("{\"status\":\"done\"}")
                .patch("/sessions/999999/items/1").then().statusCode(404);
        given().get("/sessions/" + id).then().body("items.status", contains("done", "ready-to-merge"))
                .body("version", equalTo(3));
        given().queryParam("summit", summit).queryParam("itemStatus", "done").get("/sessions").then()
                .body("items.id", contains((int) id));

        asEditor().delete("/sessions/" + id).then().statusCode(403);
        asAdmin().delete("/sessions/" + id).then().statusCode(204);
        given().get("/sessions/" + id).then().statusCode(404);
        asAdmin().delete("/sessions/" + id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void badSessionsAreRefusedNamingTheFieldAndStoreNothing() {
        String summit = Api.unique("sessbad");
        Api.createSummit(summit);
        asEditor().body(Api.session("atlantis-1", "Unknown summit")).post("/sessions").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("summit"));
        assertRefused(Api.session(summit, "Bad pad").replace("https://etherpad.openstack.org/p/", "etherpad/"),
                "etherpad");
        assertRefused(Api.session(summit, "Ftp pad").replace("https://etherpad", "ftp://etherpad"), "etherpad");
        assertRefused(Api.session(summit, "Bad status").replace("\"needs-work\"", "\"someday\""), "items[0].status");
        assertRefused(Api.session(summit, "No title").replace("\"No title\"", "\"\""), "title");
        assertRefused(Api.session(summit, "Bad release").replace("\"newton\"", "\"Newton Release\""), "release");
        asEditor().body(Api.session(summit, "NUL \\u0000 inside")).post("/sessions").then().statusCode(400)
                .contentType("application/problem+json");
        asEditor().body("title: yaml?").post("/sessions").then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("summit", summit).get("/sessions").then().body("items", hasSize(0));

        long id = Api.createSession(summit, "Kept");
        asEditor().body(Api.session("atlantis-1", "Moved away")).put("/sessions/" + id).then().statusCode(422)
                .body("errors[0].field", equalTo("summit"));
        asEditor().contentType("application/merge-patch+json").body("{\"etherpad\":\"not a url\"}")
                .patch("/sessions/" + id).then().statusCode(400).body("errors[0].field", equalTo("etherpad"));
        given().get("/sessions/" + id).then().body("title", equalTo("Kept")).body("version", equalTo(0))
                .body("reference", nullValue());
    }

    @Test
    void writesNeedAnEditor() {
        given().contentType("application/json").body(Api.session("tokyo-2015", "No token")).post("/sessions").then()
                .statusCode(401).contentType("application/problem+json");
        given().contentType("application/json").header("Authorization", SharedInfra.tokens().bearer("x", "viewer"))
                .body(Api.session("tokyo-2015", "Viewer")).post("/sessions").then().statusCode(403);
        given().contentType("application/merge-patch+json").header("Authorization",
                        SharedInfra.tokens().bearer("x", "viewer")).body("{\"status\":\"done\"}")
                .patch("/sessions/1/items/1").then().statusCode(403);
        given().get("/sessions/1").then().body("items[0].status", equalTo("ready-to-merge"));
    }

    @Test
    void aWalkWithLimit2SeesEverySessionOnceInIdOrder() {
        String summit = Api.unique("walk");
        Api.createSummit(summit);
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(Api.createSession(summit, "Walk " + i));
        }
        List<Long> walked = SummitResourceTest.walk("/sessions?summit=" + summit + "&limit=2").stream()
                .map(s -> ((Number) s.get("id")).longValue()).toList();
        assertEquals(created, walked);
        String next = given().queryParam("summit", summit).queryParam("limit", 4).get("/sessions").then()
                .statusCode(200).body("items", hasSize(4)).extract().path("next");
        given().urlEncodingEnabled(false).get(next).then().statusCode(200).body("items", hasSize(1))
                .body("next", nullValue()).header("Link", nullValue());
        List<Object> all = given().queryParam("limit", 500).get("/sessions").then().extract().jsonPath()
                .getList("items.id");
        assertEquals(all, SummitResourceTest.walk("/sessions?limit=2").stream().map(s -> s.get("id")).toList());
    }

    @Test
    void aTamperedCursorOrOneOfAnotherListIsRefusedNamingAfter() {
        String next = given().queryParam("limit", 1).get("/sessions").then().extract().path("next");
        String cursor = next.substring(next.indexOf("after=") + "after=".length());
        String summits = given().queryParam("limit", 1).get("/summits").then().extract().path("next");
        String summitCursor = summits.substring(summits.indexOf("after=") + "after=".length());
        for (String bad : List.of(cursor + "x", "!!", summitCursor,
                Base64.getUrlEncoder().encodeToString("id\u001fone".getBytes(StandardCharsets.UTF_8)))) {
            given().queryParam("after", bad).get("/sessions").then().statusCode(400)
                    .contentType("application/problem+json").body("type", equalTo("/problems/invalid-parameter"))
                    .body("errors[0].field", equalTo("after"));
        }
        given().queryParam("after", cursor).get("/summits").then().statusCode(400)
                .body("errors[0].field", equalTo("after"));
    }

    @Test
    void patchesTakeOnlyMergePatchAndWriteTimesAreReadBack() {
        String summit = Api.unique("sessmp");
        Api.createSummit(summit);
        long id = Api.createSession(summit, "Media");
        asEditor().contentType("application/json").body("{\"title\":\"T\"}").patch("/sessions/" + id).then()
                .statusCode(415).contentType("application/problem+json")
                .body("type", equalTo("/problems/unsupported-media-type"));
        asEditor().contentType("application/json").body("{\"status\":\"done\"}").patch("/sessions/" + id + "/items/1")
                .then().statusCode(415).body("type", equalTo("/problems/unsupported-media-type"));
        String updated = asEditor().contentType("application/merge-patch+json").body("{\"title\":\"T\"}")
                .patch("/sessions/" + id).then().statusCode(200).extract().path("updatedAt");
        assertTrue(SummitResourceTest.RFC3339_MILLIS.matcher(updated).matches(), updated);
        given().get("/sessions/" + id).then().body("updatedAt", equalTo(updated)).body("version", equalTo(1));
        given().queryParam("unknown", "x").get("/sessions/" + id).then().statusCode(400)
                .body("type", equalTo("/problems/unknown-parameter"));
    }

    private static void assertRefused(String body, String field) {
        asEditor().body(body).post("/sessions").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }
}
