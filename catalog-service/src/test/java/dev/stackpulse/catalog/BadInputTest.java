package dev.stackpulse.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackpulse.events.Topics;
import dev.stackpulse.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every class of bad input answers a 4xx problem naming the field, and leaves the database and the topic alone. */
@QuarkusTest
class BadInputTest {

    private static final String PROBLEM = "application/problem+json";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"name\":\"X\",\"serviceName\":\"S\",\"serviceType\":\"t\",\"tier\":\"core\"}|slug",
            "{\"slug\":\"bad-no-name\",\"serviceName\":\"S\",\"serviceType\":\"t\",\"tier\":\"core\"}|name",
            "{\"slug\":\"Bad Slug\",\"name\":\"X\",\"serviceName\":\"S\",\"serviceType\":\"t\",\"tier\":\"core\"}|slug",
            "{\"slug\":\"bad-tier\",\"name\":\"X\",\"serviceName\":\"S\",\"serviceType\":\"t\",\"tier\":\"extra\"}|tier",
            "{\"slug\":\"bad-sdk\",\"name\":\"X\",\"serviceName\":\"S\",\"serviceType\":\"t\",\"tier\":\"core\",\"sdkCount\":\"many\"}|sdkCount",
            "{\"slug\":\"bad-sdk2\",\"name\":\"X\",\"serviceName\":\"S\",\"serviceType\":\"t\",\"tier\":\"core\",\"sdkCount\":-1}|sdkCount",
            "{\"slug\":\"bad-tag\",\"name\":\"X\",\"serviceName\":\"S\",\"serviceType\":\"t\",\"tier\":\"core\",\"governanceTags\":[\"no colon\"]}|governanceTags[0]",
            "{\"slug\":\"bad-first\",\"name\":\"X\",\"serviceName\":\"S\",\"serviceType\":\"t\",\"tier\":\"core\",\"firstRelease\":\"nope\"}|firstRelease",
            "{\"slug\":\"bad-unknown\",\"name\":\"X\",\"serviceName\":\"S\",\"serviceType\":\"t\",\"tier\":\"core\",\"stars\":5}|stars",
            "{\"slug\":\"bad-type\",\"name\":[1],\"serviceName\":\"S\",\"serviceType\":\"t\",\"tier\":\"core\"}|name"})
    void badProjectFieldIs400NamingIt(String body, String field) {
        TestData.editor().body(body).post("/projects").then().statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("errors.field", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.startsWith(field)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"adoption\":101}|adoption", "{\"adoption\":-1}|adoption", "{\"adoption\":\"high\"}|adoption",
            "{\"adoption\":5,\"highlights\":[\"\"]}|highlights[0]", "{\"share\":5}|share"})
    void badRecordFieldIs400NamingIt(String body, String field) {
        TestData.editor().body(body).put("/releases/kilo/projects/nova").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.startsWith(field)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"name\":\"bad-rel\",\"displayName\":\"B\",\"sequence\":9001,\"status\":\"someday\"}|status",
            "{\"name\":\"bad-rel\",\"displayName\":\"B\",\"status\":\"planned\"}|sequence",
            "{\"name\":\"bad-rel\",\"displayName\":\"B\",\"sequence\":9001,\"status\":\"planned\",\"releaseDate\":\"15 Oct\"}|releaseDate"})
    void badReleaseFieldIs400NamingIt(String body, String field) {
        TestData.editor().body(body).post("/releases").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.startsWith(field)));
        given().get("/releases/bad-rel").then().statusCode(404);
    }

    @Test
    void nonJsonBodyIs400() {
        TestData.editor().body("{\"slug\": \"bad-json\", ").post("/projects").then().statusCode(400)
                .contentType(PROBLEM).body("detail", containsString("not valid JSON"));
    }

    @Test
    void wrongContentTypeIs415() {
        TestData.editor().contentType("text/plain").body(TestData.projectJson("bad-ctype", "core"))
                .post("/projects").then().statusCode(415).contentType(PROBLEM);
    }

    @Test
    void oversizedBodyIs413() {
        String big = "x".repeat(2200 * 1024);
        TestData.editor().body(TestData.projectJson("bad-big", "core").replace("\"Test service\"",
                "\"" + big + "\"")).post("/projects").then().statusCode(413).contentType(PROBLEM);
        given().get("/projects/bad-big").then().statusCode(404);
    }

    @Test
    void textWithNulCharacterIs400AndNothingStored() {
        TestData.editor().body(TestData.projectJson("bad-nul", "core").replace("Test service", "Test\\u0000service"))
                .post("/projects").then().statusCode(400).contentType(PROBLEM);
        given().get("/projects/bad-nul").then().statusCode(404);
        TestData.editor().body("{\"adoption\":5,\"highlights\":[\"a\\u0000b\"]}").put("/releases/kilo/projects/nova")
                .then().statusCode(400).contentType(PROBLEM);
        given().get("/releases/kilo/projects/nova").then().body("adoption", equalTo(98));
    }

    @Test
    void duplicateSlugIs409() {
        TestData.editor().body(TestData.projectJson("nova", "optional")).post("/projects").then().statusCode(409)
                .contentType(PROBLEM).body("detail", containsString("'nova' already exists"));
    }

    @Test
    void badWritesLeaveDatabaseAndTopicUnchanged() {
        try (TopicReader topic = TopicReader.fromNow(Topics.CATALOG)) {
            TestData.editor().body("{\"slug\":\"bad-a\",\"name\":\"\",\"serviceName\":\"S\",\"serviceType\":\"t\","
                    + "\"tier\":\"core\"}").post("/projects").then().statusCode(400);
            TestData.editor().body(TestData.projectJson("bad-b", "galaxy")).post("/projects").then().statusCode(400);
            TestData.editor().body("not json").post("/projects").then().statusCode(400);
            TestData.editor().contentType("text/plain").body(TestData.projectJson("bad-c", "core")).post("/projects")
                    .then().statusCode(415);
            TestData.editor().body(TestData.projectJson("bad-d", "core").replace("}", ",\"x\":1}"))
                    .post("/projects").then().statusCode(400);
            TestData.editor().body(TestData.projectJson("bad-e", "core").replace("\"Test service\"",
                    "\"" + "y".repeat(2200 * 1024) + "\"")).post("/projects").then().statusCode(413);
            TestData.editor().body(TestData.projectJson("nova", "optional")).post("/projects").then().statusCode(409);
            TestData.editor().body("{\"adoption\":150}").put("/releases/liberty/projects/neutron").then()
                    .statusCode(400);
            TestData.editor().body("{\"adoption\":50}").put("/releases/nope/projects/neutron").then()
                    .statusCode(404);
            TestData.editor().header("If-Match", "\"42\"").contentType(TestData.MERGE_PATCH)
                    .body("{\"sdkCount\":1}").patch("/projects/neutron").then().statusCode(412);

            String marker = TestData.createProject("bad-marker");
            topic.awaitRecords(r -> marker.equals(r.key()), 1, Duration.ofSeconds(30));
            List<ConsumerRecord<String, String>> seen = topic.drain(Duration.ofMillis(500));
            Set<String> badKeys = Set.of("bad-a", "bad-b", "bad-c", "bad-d", "bad-e", "nova", "neutron",
                    "liberty/neutron", "nope/neutron");
            assertTrue(seen.stream().noneMatch(r -> badKeys.contains(r.key())), "no event for a refused write");
            assertEquals(1, seen.stream().filter(r -> marker.equals(r.key())).count());
        }
        for (String slug : List.of("bad-a", "bad-b", "bad-c", "bad-d", "bad-e")) {
            given().get("/projects/" + slug).then().statusCode(404);
        }
        given().get("/projects/nova").then().body("tier", equalTo("core")).body("version", equalTo(0));
        given().get("/projects/neutron").then().body("sdkCount", equalTo(12)).body("version", equalTo(0));
        given().get("/releases/liberty/projects/neutron").then().body("adoption", equalTo(89))
                .body("version", equalTo(0));
    }
}
