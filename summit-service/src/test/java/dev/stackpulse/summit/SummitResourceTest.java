package dev.stackpulse.summit;

import static dev.stackpulse.summit.Api.asAdmin;
import static dev.stackpulse.summit.Api.asEditor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.stackpulse.testing.SharedInfra;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GET/POST/PUT/PATCH/DELETE /summits: filters, sorting, paging, validation, preconditions, roles. */
@QuarkusTest
class SummitResourceTest {

    @Test
    void seededTokyoHasAllFigures() {
        given().get("/summits/tokyo-2015").then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("city", equalTo("Tokyo"))
                .body("season", equalTo("2015 autumn"))
                .body("startDate", equalTo("2015-10-27"))
                .body("endDate", equalTo("2015-10-30"))
                .body("days", equalTo(4))
                .body("status", equalTo("held"))
                .body("attendees", equalTo(5000))
                .body("countries", equalTo(56))
                .body("companies", equalTo(736))
                .body("pressAndAnalysts", equalTo(110))
                .body("sponsors", equalTo(86))
                .body("firstTimePercent", equalTo(50))
                .body("minSessions", equalTo(300))
                .body("links.site", equalTo("https://www.openstack.org/summit/tokyo-2015/"))
                .body("links.videos", equalTo("https://www.openstack.org/summit/tokyo-2015/videos/"));
        given().get("/summits/vancouver-2015").then().statusCode(200).body("days", equalTo(5))
                .body("attendees", equalTo(6000));
        given().get("/summits/austin-2016").then().statusCode(200).body("status", equalTo("planned"))
                .body("attendees", nullValue());
    }

    @Test
    void readAnswers304WhenIfNoneMatchNamesTheVersionAnd404ForUnknown() {
        given().header("If-None-Match", "\"1\"").get("/summits/tokyo-2015").then().statusCode(304);
        given().get("/summits/nowhere-1999").then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("nowhere-1999"));
    }

    @Test
    void listFiltersByYearAndStatusAndSorts() {
        given().queryParam("year", 2015).get("/summits").then().statusCode(200)
                .body("items.slug", equalTo(List.of("vancouver-2015", "tokyo-2015")))
                .body("total", equalTo(2));
        given().queryParam("year", 2015).queryParam("sort", "attendees").queryParam("direction", "asc")
                .get("/summits").then().statusCode(200)
                .body("items.slug", equalTo(List.of("tokyo-2015", "vancouver-2015")));
        given().queryParam("year", 2015).queryParam("sort", "date").queryParam("direction", "desc")
                .get("/summits").then().statusCode(200)
                .body("items.slug", equalTo(List.of("tokyo-2015", "vancouver-2015")));
        given().queryParam("status", "planned").get("/summits").then().statusCode(200)
                .body("items.slug", hasItem("austin-2016")).body("items.status", not(hasItem("held")));
        given().get("/summits").then().statusCode(200).body("items[0].slug", equalTo("hong-kong-2013"));
    }

    @Test
    void listPagesWithTotalAndNextLink() {
        String next = given().queryParam("size", 2).get("/summits").then().statusCode(200)
                .body("items", hasSize(2)).body("page", equalTo(0)).body("size", equalTo(2))
                .body("total", greaterThanOrEqualTo(6))
                .body("next", containsString("page=1"))
                .extract().path("next");
        given().get(next).then().statusCode(200).body("page", equalTo(1)).body("items", hasSize(2))
                .body("items[0].slug", equalTo("paris-2014"));
        given().queryParam("year", 2015).queryParam("size", 2).get("/summits").then().body("next", nullValue());
    }

    @Test
    void malformedListParametersAre400NamingTheParameter() {
        given().queryParam("year", "abc").get("/summits").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("year"));
        given().queryParam("sort", "name").get("/summits").then().statusCode(400).body("errors[0].field", equalTo("sort"));
        given().queryParam("status", "cancelled").get("/summits").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        given().queryParam("size", 0).get("/summits").then().statusCode(400).body("errors[0].field", equalTo("size"));
        given().queryParam("page", -1).get("/summits").then().statusCode(400).body("errors[0].field", equalTo("page"));
    }

    @Test
    void createReplacePatchAndDelete() {
        String slug = Api.unique("crud");
        asEditor().body(Api.summit(slug, 2032, 1200)).post("/summits").then().statusCode(201)
                .header("Location", containsString("/summits/" + slug)).header("ETag", equalTo("\"0\""))
                .body("days", equalTo(4)).body("links.site", equalTo("https://example.org/" + slug + "/"));
        asEditor().body(Api.summit(slug, 2032, 1200)).post("/summits").then().statusCode(409)
                .contentType("application/problem+json");

        asEditor().header("If-Match", "\"0\"").body(Api.summit(null, 2032, 1300).replace("\"slug\":\"null\",", ""))
                .put("/summits/" + slug).then().statusCode(200).body("attendees", equalTo(1300))
                .body("version", equalTo(1)).header("ETag", equalTo("\"1\""));
        asEditor().header("If-Match", "\"0\"").body(Api.summit(slug, 2032, 1400)).put("/summits/" + slug)
                .then().statusCode(412).contentType("application/problem+json");
        asEditor().body(Api.summit("other-slug", 2032, 1400)).put("/summits/" + slug)
                .then().statusCode(400).body("errors[0].field", equalTo("slug"));

        asEditor().contentType("application/merge-patch+json").body("{\"attendees\":1500,\"sponsors\":null}")
                .patch("/summits/" + slug).then().statusCode(200)
                .body("attendees", equalTo(1500)).body("sponsors", nullValue()).body("countries", equalTo(40))
                .body("version", equalTo(2));
        asEditor().contentType("application/merge-patch+json").body("{\"firstTimePercent\":101}")
                .patch("/summits/" + slug).then().statusCode(400).body("errors[0].field", equalTo("firstTimePercent"));
        asEditor().contentType("application/merge-patch+json").body("{\"endDate\":\"2001-01-01\"}")
                .patch("/summits/" + slug).then().statusCode(400).body("errors[0].field", equalTo("endDate"));
        asEditor().contentType("application/merge-patch+json").body("{not json")
                .patch("/summits/" + slug).then().statusCode(400).contentType("application/problem+json");
        given().get("/summits/" + slug).then().body("version", equalTo(2)).body("attendees", equalTo(1500));

        asEditor().delete("/summits/" + slug).then().statusCode(403).contentType("application/problem+json");
        asAdmin().header("If-Match", "\"1\"").delete("/summits/" + slug).then().statusCode(412);
        asAdmin().delete("/summits/" + slug).then().statusCode(204);
        given().get("/summits/" + slug).then().statusCode(404);
        asAdmin().delete("/summits/" + slug).then().statusCode(404).contentType("application/problem+json");
        asEditor().body(Api.summit(slug, 2032, 1)).put("/summits/" + slug).then().statusCode(404);
    }

    @Test
    void summitWithSessionsCannotBeDeleted() {
        String slug = Api.unique("busy");
        Api.createSummit(slug);
        Api.createSession(slug, "keeps the summit");
        asAdmin().delete("/summits/" + slug).then().statusCode(409).body("detail", containsString("sessions"));
        given().get("/summits/" + slug).then().statusCode(200);
    }

    @Test
    void badInputIs400NamingTheFieldAndStoresNothing() {
        String slug = Api.unique("bad");
        assertRefused(Api.summit(slug, 2033, -5), "attendees");
        assertRefused(Api.summit(slug, 2033, 10).replace("\"countries\":40", "\"countries\":-1"), "countries");
        assertRefused(Api.summit(slug, 2033, 10).replace("\"firstTimePercent\":45", "\"firstTimePercent\":120"),
                "firstTimePercent");
        assertRefused(Api.summit(slug, 2033, 10).replace("2033-05-13", "2033-05-01"), "endDate");
        assertRefused(Api.summit(slug, 2033, 10).replace("\"held\"", "\"cancelled\""), "status");
        assertRefused(Api.summit(slug, 2033, 10).replace("https://example.org/" + slug + "/\"", "example.org\""),
                "links.site");
        assertRefused(Api.summit(slug, 2033, 10).replace("\"city\":\"Testville\",", "\"city\":\"T\",\"mayor\":1,"),
                "mayor");
        assertRefused(Api.summit(slug, 2033, 10).replace("\"startDate\":\"2033-05-10\"", "\"startDate\":\"May\""),
                "startDate");
        asEditor().body(Api.summit("compare", 2033, 10)).post("/summits").then().statusCode(400)
                .body("errors[0].field", equalTo("slug"));
        asEditor().body("{\"slug\": ").post("/summits").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("JSON"));
        asEditor().body(Api.summit(slug, 2033, 10).replace("\"sponsors\":60", "\"sponsors\":99999999999999999999"))
                .post("/summits").then().statusCode(400).contentType("application/problem+json");
        asEditor().body(Api.summit(slug, 2033, 10).replace("\"city\":\"Testville\"", "\"city\":{\"$gt\":\"\"}"))
                .post("/summits").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("city"));
        asEditor().contentType("text/plain").body("hello").post("/summits").then().statusCode(415)
                .contentType("application/problem+json");
        given().get("/summits/" + slug).then().statusCode(404);
    }

    @Test
    void writesNeedAToken() {
        String slug = Api.unique("auth");
        given().contentType("application/json").body(Api.summit(slug, 2034, 1)).post("/summits").then()
                .statusCode(401).contentType("application/problem+json");
        given().contentType("application/json").header("Authorization", SharedInfra.tokens().expired("editor"))
                .body(Api.summit(slug, 2034, 1)).post("/summits").then().statusCode(401);
        given().contentType("application/json").header("Authorization", SharedInfra.tokens().bearer("x", "viewer"))
                .body(Api.summit(slug, 2034, 1)).post("/summits").then().statusCode(403)
                .contentType("application/problem+json");
        given().get("/summits/" + slug).then().statusCode(404);
    }

    private static void assertRefused(String body, String field) {
        asEditor().body(body).post("/summits").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }
}
