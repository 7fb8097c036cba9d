package dev.stackpulse.catalog.edge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.stackpulse.catalog.TestData;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every text field refuses control characters and lone surrogates; JSON is taken as typed, each key once. */
@QuarkusTest
class StrictInputTest {

    private static final String PROBLEM = "application/problem+json";

    private static String project(String slug, String extra) {
        return "{\"slug\":\"" + slug + "\",\"name\":\"N\",\"serviceName\":\"S\",\"serviceType\":\"t\",\"tier\":\"core\""
                + extra + "}";
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "strict-ctl|,\"name\":\"ctl\\u0001\\u000bchar\"|name",
            "strict-nul|,\"descriptionEn\":\"a\\u0000b\"|descriptionEn",
            "strict-sur|,\"serviceName\":\"lone \\ud800 surrogate\"|serviceName",
            "strict-low|,\"descriptionJa\":\"\\udc00\"|descriptionJa",
            "strict-tag|,\"governanceTags\":[\"team:a\\u001fb\"]|governanceTags[0]",
            "strict-int|,\"name\":123|name",
            "strict-bool|,\"name\":true|name",
            "strict-float|,\"sdkCount\":1.5|sdkCount",
            "strict-strnum|,\"sdkCount\":\"5\"|sdkCount",
            "strict-strbool|,\"installGuide\":\"true\"|installGuide",
            "strict-intbool|,\"installGuide\":1|installGuide",
            "strict-dup|,\"name\":\"again\"|name"})
    void refusedAndNothingStored(String slug, String extra, String field) {
        TestData.editor().body(project(slug, extra)).post("/projects").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem(field));
        given().get("/projects/" + slug).then().statusCode(404);
    }

    @Test
    void tabsNewlinesAndPairedSurrogatesAreFine() {
        TestData.editor().body(project("strict-ok", ",\"descriptionEn\":\"a\\tb\\nc\\r\\nd \\ud83d\\ude00\""))
                .post("/projects").then().statusCode(201);
        given().get("/projects/strict-ok").then().body("description", equalTo("a\tb\nc\r\nd \ud83d\ude00"));
    }

    @Test
    void mergePatchIsJustAsStrict() {
        String slug = TestData.createProject("strict-patch");
        for (String[] patch : new String[][] {{"{\"name\":\"x\\u0007\"}", "name"}, {"{\"sdkCount\":2.5}", "sdkCount"},
                {"{\"name\":\"a\",\"name\":\"b\"}", "name"}, {"{\"name\":7}", "name"}}) {
            TestData.editor().contentType(TestData.MERGE_PATCH).body(patch[0]).patch("/projects/" + slug).then()
                    .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem(patch[1]));
        }
        given().get("/projects/" + slug).then().body("version", equalTo(0)).body("name", equalTo("Test " + slug));
    }

    @Test
    void duplicateKeyInANestedListItemIsNamedWithItsPath() {
        TestData.editor().body("{\"adoption\":5,\"adoption\":6}").put("/releases/kilo/projects/nova").then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("adoption"));
        given().get("/releases/kilo/projects/nova").then().body("adoption", equalTo(98));
    }
}
