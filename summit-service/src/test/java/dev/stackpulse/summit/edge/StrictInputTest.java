package dev.stackpulse.summit.edge;

import static dev.stackpulse.summit.Api.asEditor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import dev.stackpulse.summit.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Every text field refuses control characters and lone surrogates; JSON is taken as typed, each key once. */
@QuarkusTest
class StrictInputTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void refusedSessionFieldsAreNamedAndNothingIsStored() {
        String summit = Api.unique("strict");
        Api.createSummit(summit);
        String good = Api.session(summit, "Strict");
        String[][] cases = {
                {good.replace("\"project\":\"neutron\"", "\"project\":\"ctl\\u0001\\u000bchar\""), "project"},
                {good.replace("\"A test session.\"", "\"nul \\u0000 here\""), "summary"},
                {good.replace("\"first topic\"", "\"lone \\ud800\""), "topics[0]"},
                {good.replace("\"write the spec\"", "\"bell \\u0007\""), "items[0].text"},
                {good.replace("\"title\":\"Strict\"", "\"title\":123"), "title"},
                {good.replace("\"title\":\"Strict\"", "\"title\":\"Strict\",\"title\":\"Again\""), "title"},
                {good.replace("\"topics\":[\"first topic\",\"second topic\"]", "\"topics\":[true]"), "topics[0]"}};
        for (String[] c : cases) {
            asEditor().body(c[0]).post("/sessions").then().statusCode(400).contentType(PROBLEM)
                    .body("errors.field", hasItem(c[1]));
        }
        given().queryParam("summit", summit).get("/sessions").then().body("items", hasSize(0));
    }

    @Test
    void refusedSummitFiguresAreNamed() {
        String slug = Api.unique("strict-fig");
        String good = Api.summit(slug, 2033, 1000);
        String[][] cases = {{good.replace("\"attendees\":1000", "\"attendees\":\"1000\""), "attendees"},
                {good.replace("\"attendees\":1000", "\"attendees\":1000.5"), "attendees"},
                {good.replace("\"city\":\"Testville\"", "\"city\":\"ctl\\u0001\\u000bchar\""), "city"},
                {good.replace("\"city\":\"Testville\"", "\"city\":\"A\",\"city\":\"B\""), "city"}};
        for (String[] c : cases) {
            asEditor().body(c[0]).post("/summits").then().statusCode(400).contentType(PROBLEM)
                    .body("errors.field", hasItem(c[1]));
        }
        given().get("/summits/" + slug).then().statusCode(404);
    }

    @Test
    void notesRefuseANumberAControlCharacterAndDuplicateKeys() {
        String summit = Api.unique("strict-notes");
        Api.createSummit(summit);
        long id = Api.createSession(summit, "Notes");
        String url = "/sessions/" + id + "/notes";
        for (String body : new String[] {"{\"body\":123}", "{\"body\":\"a\\u0001b\"}", "{\"body\":\"a\",\"body\":\"b\"}"}) {
            asEditor().header("If-Match", "\"0\"").body(body).put(url).then().statusCode(400).contentType(PROBLEM)
                    .body("errors.field", hasItem("body"));
        }
        asEditor().contentType("text/markdown").header("If-Match", "\"0\"").body("# x\u0001").put(url).then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("body"));
        given().get(url).then().body("revision", equalTo(0));
    }

    @Test
    void mergePatchesAreJustAsStrict() {
        String summit = Api.unique("strict-patch");
        Api.createSummit(summit);
        long id = Api.createSession(summit, "Patch");
        for (String[] patch : new String[][] {{"{\"title\":\"x\\u0002\"}", "title"}, {"{\"title\":5}", "title"},
                {"{\"title\":\"a\",\"title\":\"b\"}", "title"}}) {
            asEditor().contentType("application/merge-patch+json").body(patch[0]).patch("/sessions/" + id).then()
                    .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem(patch[1]));
        }
        asEditor().contentType("application/merge-patch+json").body("{\"minSessions\":2.5}")
                .patch("/summits/" + summit).then().statusCode(400).body("errors.field", hasItem("minSessions"));
        given().get("/sessions/" + id).then().body("version", equalTo(0));
    }
}
