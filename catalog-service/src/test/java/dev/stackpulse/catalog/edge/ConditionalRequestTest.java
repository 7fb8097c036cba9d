package dev.stackpulse.catalog.edge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.stackpulse.catalog.TestData;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** RFC 9110: If-None-Match compares weakly, If-Match strongly; each language has its own tag; q=0 means no. */
@QuarkusTest
class ConditionalRequestTest {

    @Test
    void ifNoneMatchComparesWeakly() {
        given().header("If-None-Match", "W/\"0\"").get("/projects/nova").then().statusCode(304)
                .header("ETag", equalTo("\"0\""));
        given().header("If-None-Match", "\"7\", W/\"0\"").get("/releases/liberty").then().statusCode(304);
        given().header("If-None-Match", "W/\"0\"").get("/releases/kilo/projects/nova").then().statusCode(304);
        given().header("If-None-Match", "W/\"9\"").get("/projects/nova").then().statusCode(200);
    }

    @Test
    void ifMatchComparesStrongly() {
        String slug = TestData.createProject("cond-weak");
        TestData.editor().header("If-Match", "W/\"0\"").contentType(TestData.MERGE_PATCH).body("{\"sdkCount\":3}")
                .patch("/projects/" + slug).then().statusCode(412).contentType("application/problem+json");
        given().get("/projects/" + slug).then().body("version", equalTo(0));
        TestData.editor().header("If-Match", "\"0\"").contentType(TestData.MERGE_PATCH).body("{\"sdkCount\":3}")
                .patch("/projects/" + slug).then().statusCode(200).header("ETag", equalTo("\"1\""));
    }

    @Test
    void eachLanguageHasItsOwnTag() {
        given().header("Accept-Language", "ja").get("/projects/nova").then().statusCode(200)
                .header("ETag", equalTo("\"0-ja\"")).header("Content-Language", "ja")
                .header("Vary", containsString("Accept-Language"));
        given().get("/projects/nova").then().statusCode(200).header("ETag", equalTo("\"0\""))
                .header("Vary", containsString("Accept-Language"));
        // The English tag does not validate the Japanese representation, and the other way round.
        given().header("Accept-Language", "ja").header("If-None-Match", "\"0\"").get("/projects/nova").then()
                .statusCode(200).header("Content-Language", "ja");
        given().header("If-None-Match", "\"0-ja\"").get("/projects/nova").then().statusCode(200);
        given().header("Accept-Language", "ja").header("If-None-Match", "\"0-ja\"").get("/projects/nova").then()
                .statusCode(304).header("Vary", containsString("Accept-Language"));
        // A project without Japanese text answers English, tagged as English.
        String slug = TestData.createProject("cond-en");
        given().header("Accept-Language", "ja").get("/projects/" + slug).then().header("ETag", equalTo("\"0\""))
                .header("Content-Language", "en");
    }

    @Test
    void ifMatchAcceptsTheTagOfEitherLanguage() {
        String slug = TestData.createProject("cond-ja");
        TestData.editor().header("If-Match", "\"0-ja\"").contentType(TestData.MERGE_PATCH)
                .body("{\"descriptionJa\":\"説明\"}").patch("/projects/" + slug).then().statusCode(200);
        TestData.editor().header("Accept-Language", "ja").header("If-Match", "\"1\"")
                .contentType(TestData.MERGE_PATCH).body("{\"sdkCount\":1}").patch("/projects/" + slug).then()
                .statusCode(200).header("ETag", equalTo("\"2-ja\""));
    }

    @Test
    void qZeroRefusesALanguage() {
        given().header("Accept-Language", "ja;q=0").get("/projects/nova").then()
                .header("Content-Language", "en").body("descriptionLanguage", equalTo("en"));
        given().header("Accept-Language", "ja;q=0, *;q=0.5").get("/projects/nova").then()
                .body("descriptionLanguage", equalTo("en"));
        given().header("Accept-Language", "en;q=0.4, ja;q=0.8").get("/projects/nova").then()
                .body("descriptionLanguage", equalTo("ja"));
        given().header("Accept-Language", "ja-JP, en;q=0.9").get("/projects/nova").then()
                .body("descriptionLanguage", equalTo("ja"));
        given().header("Accept-Language", "ja;q=0").get("/projects?limit=1").then()
                .header("Content-Language", "en");
    }
}
