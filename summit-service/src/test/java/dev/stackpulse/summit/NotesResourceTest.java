package dev.stackpulse.summit;

import static dev.stackpulse.summit.Api.asEditor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackpulse.testing.SharedInfra;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

/** Session notes: revisions with author, If-Match (428/412), history, diff, size limit. */
@QuarkusTest
class NotesResourceTest {

    @Test
    void everyEditIsARevisionWithAuthorAndTheDiffShowsTheChange() {
        long id = newSession();
        String url = "/sessions/" + id + "/notes";
        given().get(url).then().statusCode(200).header("ETag", equalTo("\"0\""))
                .body("revision", equalTo(0)).body("body", equalTo("")).body("author", nullValue());

        asEditor().header("If-Match", "\"0\"").body("{\"body\":\"# Notes\\nold line\\nsame\\n\"}").put(url).then()
                .statusCode(200).header("ETag", equalTo("\"1\"")).body("revision", equalTo(1))
                .body("author", equalTo("test-editor"));
        given().contentType("text/markdown; charset=utf-8").header("If-Match", "\"1\"")
                .header("Authorization", SharedInfra.tokens().bearer("alice", "editor"))
                .body("# Notes\nnew line\nsame\n").put(url).then()
                .statusCode(200).body("revision", equalTo(2)).body("author", equalTo("alice"));

        given().get(url).then().body("revision", equalTo(2)).body("body", equalTo("# Notes\nnew line\nsame\n"))
                .header("ETag", equalTo("\"2\""));
        given().header("If-None-Match", "\"2\"").get(url).then().statusCode(304);
        given().get(url + "/revisions").then().statusCode(200).body("limit", equalTo(50)).body("next", nullValue())
                .body("items.revision", contains(1, 2)).body("items.author", contains("test-editor", "alice"));
        given().get(url + "/revisions/1").then().statusCode(200).body("body", equalTo("# Notes\nold line\nsame\n"));
        given().get(url + "/revisions/3").then().statusCode(404).contentType("application/problem+json");

        String diff = given().queryParam("from", 1).queryParam("to", 2).get(url + "/diff").then().statusCode(200)
                .contentType(containsString("text/plain")).extract().asString();
        assertEquals("""
                --- revision/1
                +++ revision/2
                @@ -1,3 +1,3 @@
                 # Notes
                -old line
                +new line
                 same
                """, diff);
        given().queryParam("from", 1).get(url + "/diff").then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().queryParam("from", "x").queryParam("to", 2).get(url + "/diff").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        given().queryParam("from", 1).queryParam("to", 7).get(url + "/diff").then().statusCode(404);
        given().get("/sessions/999999/notes").then().statusCode(404);
    }

    @Test
    void anEditWithoutIfMatchIs428AndAStaleOneIs412() {
        long id = newSession();
        String url = "/sessions/" + id + "/notes";
        asEditor().body("{\"body\":\"blind\"}").put(url).then().statusCode(428)
                .contentType("application/problem+json").body("errors[0].field", equalTo("If-Match"));
        asEditor().header("If-Match", "\"0\"").body("{\"body\":\"first\"}").put(url).then().statusCode(200);
        asEditor().header("If-Match", "\"1\"").body("{\"body\":\"second\"}").put(url).then().statusCode(200);
        asEditor().header("If-Match", "\"1\"").body("{\"body\":\"lost update\"}").put(url).then().statusCode(412)
                .contentType("application/problem+json");
        asEditor().header("If-Match", "*").body("{\"body\":\"star\"}").put(url).then().statusCode(412);
        given().get(url).then().body("revision", equalTo(2)).body("body", equalTo("second"));
        given().get(url + "/revisions").then().body("items", hasSize(2));
    }

    @Test
    void ofTwoConcurrentEditsOfTheSameRevisionExactlyOneWins() throws Exception {
        long id = newSession();
        String url = "/sessions/" + id + "/notes";
        asEditor().header("If-Match", "\"0\"").body("{\"body\":\"base\"}").put(url).then().statusCode(200);
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> edits = new ArrayList<>();
        for (String who : List.of("anna", "ben")) {
            edits.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return given().contentType("application/json").header("If-Match", "\"1\"")
                        .header("Authorization", SharedInfra.tokens().bearer(who, "editor"))
                        .body("{\"body\":\"edit by " + who + "\"}").put(url).statusCode();
            }));
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Integer> edit : edits) {
            statuses.add(edit.get());
        }
        statuses.sort(Integer::compare);
        assertEquals(List.of(200, 412), statuses);
        given().get(url + "/revisions").then().body("items", hasSize(2));
    }

    @Test
    void notesOverOneMebibyteAre413AndNotStored() {
        long id = newSession();
        String url = "/sessions/" + id + "/notes";
        String big = "x".repeat(1024 * 1024 + 1);
        asEditor().header("If-Match", "\"0\"").body("{\"body\":\"" + big + "\"}").put(url).then().statusCode(413)
                .contentType("application/problem+json").body("errors[0].field", equalTo("body"));
        asEditor().header("If-Match", "\"0\"").body("{\"body\":\"" + "x".repeat(1024 * 1024) + "\"}").put(url).then()
                .statusCode(200).body("revision", equalTo(1));
        given().get(url + "/revisions").then().body("items", hasSize(1)).body("items[0].bytes", equalTo(1024 * 1024));
    }

    @Test
    void editsNeedAnEditorAndAValidBody() {
        long id = newSession();
        String url = "/sessions/" + id + "/notes";
        given().contentType("application/json").header("If-Match", "\"0\"").body("{\"body\":\"x\"}").put(url).then()
                .statusCode(401);
        given().contentType("application/json").header("If-Match", "\"0\"")
                .header("Authorization", SharedInfra.tokens().bearer("x", "viewer")).body("{\"body\":\"x\"}")
                .put(url).then().statusCode(403);
        asEditor().header("If-Match", "\"0\"").body("{\"body\":").put(url).then().statusCode(400)
                .contentType("application/problem+json");
        asEditor().header("If-Match", "\"0\"").body("{}").put(url).then().statusCode(400)
                .body("errors[0].field", equalTo("body"));
        asEditor().header("If-Match", "\"0\"").body("{\"body\":\"x\"}").put("/sessions/999999/notes").then()
                .statusCode(404);
        given().get(url).then().body("revision", equalTo(0));
    }

    @Test
    void theHistoryIsAListOldestFirstWalkedByCursor() {
        long id = newSession();
        String url = "/sessions/" + id + "/notes";
        List<String> times = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            String editedAt = asEditor().header("If-Match", "\"" + r + "\"").body("{\"body\":\"rev " + r + "\"}")
                    .put(url).then().statusCode(200).extract().path("editedAt");
            assertTrue(SummitResourceTest.RFC3339_MILLIS.matcher(editedAt).matches(), editedAt);
            given().get(url).then().body("editedAt", equalTo(editedAt));
            times.add(editedAt);
        }
        List<Map<String, Object>> walked = SummitResourceTest.walk(url + "/revisions?limit=1");
        assertEquals(List.of(1, 2, 3), walked.stream().map(r -> r.get("revision")).toList());
        assertEquals(times, walked.stream().map(r -> r.get("editedAt")).toList());
        given().queryParam("limit", 2).get(url + "/revisions").then().statusCode(200).body("limit", equalTo(2))
                .body("items.revision", contains(1, 2)).header("Link", containsString("rel=\"next\""));
        given().queryParam("after", "bm9wZQ").get(url + "/revisions").then().statusCode(400)
                .body("type", equalTo("/problems/invalid-parameter")).body("errors[0].field", equalTo("after"));
        given().queryParam("sort", "-revision").get(url + "/revisions").then().statusCode(400)
                .body("type", equalTo("/problems/unknown-parameter")).body("errors[0].field", equalTo("sort"));
        given().get("/sessions/999999/notes/revisions").then().statusCode(404);
    }

    private static long newSession() {
        String summit = Api.unique("notes");
        Api.createSummit(summit);
        return Api.createSession(summit, "Notes test");
    }
}
