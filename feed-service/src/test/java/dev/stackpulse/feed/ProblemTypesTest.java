package dev.stackpulse.feed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackpulse.web.ProblemType;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The problem types every error names are served at their URIs, as a list like every other. */
@QuarkusTest
class ProblemTypesTest {

    @Test
    void aWalkOfTheListSeesEveryTypeOnce() {
        List<String> seen = new ArrayList<>();
        String next = "/problems/?limit=7";
        while (next != null) {
            Response page = given().get(next).then().statusCode(200).extract().response();
            seen.addAll(page.jsonPath().getList("items.type"));
            next = page.jsonPath().getString("next");
            assertEquals(next == null, page.header("Link") == null, "Link exactly when next");
        }
        assertEquals(Arrays.stream(ProblemType.values()).map(ProblemType::uri).toList(), seen);
    }

    @Test
    void eachTypeIsServedAtItsUriAndAnUnknownOneIsAProblem() {
        given().get("/problems/gone").then().statusCode(200).body("status", equalTo(410))
                .body("type", equalTo("/problems/gone"));
        String type = given().get("/problems/no-such-type").then().statusCode(404)
                .contentType("application/problem+json").extract().path("type");
        assertEquals("/problems/not-found", type);
        given().get("/problems/?after=bogus").then().statusCode(400).body("type", equalTo("/problems/invalid-parameter"))
                .body("errors[0].field", equalTo("after"));
        String unknown = given().get("/problems/?sort=name").then().statusCode(400).extract().path("type");
        assertTrue(unknown.endsWith("unknown-parameter"), unknown);
    }
}
