package dev.stackpulse.catalog.maturity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dev.stackpulse.catalog.TestData;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Each maturity rule through the API: a project meeting exactly one rule scores 1, and the breakdown says which. */
@QuarkusTest
class MaturityApiTest {

    @Test
    void adoptionRule() {
        assertOnlyRule("adoption", "{}", 76);
    }

    @Test
    void installGuideRule() {
        assertOnlyRule("install-guide", "{\"installGuide\":true}", 75);
    }

    @Test
    void diverseAffiliationRule() {
        assertOnlyRule("diverse-affiliation", "{\"governanceTags\":[\"team:diverse-affiliation\"]}", 10);
    }

    @Test
    void stableBranchesRule() {
        assertOnlyRule("stable-branches", "{\"governanceTags\":[\"release:has-stable-branches\"]}", 10);
    }

    @Test
    void sdkRule() {
        assertOnlyRule("sdks", "{\"sdkCount\":8}", 10);
    }

    @Test
    void sevenSdksAndAdoption75ScoreNothing() {
        String slug = TestData.createProject("mat-none");
        TestData.editor().contentType(TestData.MERGE_PATCH).body("{\"sdkCount\":7}").patch("/projects/" + slug)
                .then().statusCode(200);
        TestData.putKilo(slug, 75);
        given().get("/projects/" + slug + "/adoption").then().statusCode(200)
                .body("releases[0].maturity.score", equalTo(0));
    }

    private static void assertOnlyRule(String rule, String patch, int kiloAdoption) {
        String slug = TestData.createProject("mat-" + rule);
        TestData.editor().contentType(TestData.MERGE_PATCH).body(patch).patch("/projects/" + slug)
                .then().statusCode(200);
        TestData.putKilo(slug, kiloAdoption);
        given().get("/projects/" + slug + "/adoption").then().statusCode(200)
                .body("releases[0].release", equalTo("kilo"))
                .body("releases[0].maturity.score", equalTo(1))
                .body("releases[0].maturity.rules.findAll { it.scored }.rule", contains(rule));
        given().queryParam("release", "kilo").queryParam("q", slug).get("/projects").then().statusCode(200)
                .body("items[0].maturity.score", equalTo(1));
    }
}
