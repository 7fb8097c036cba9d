package dev.stackpulse.summit;

import static dev.stackpulse.summit.Api.asEditor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Attendance series, comparison, and the demographics, highlights and awards sub-resources. */
@QuarkusTest
class SummitFiguresTest {

    @Test
    void attendanceSeriesGrowsFromHongKongToTokyo() {
        JsonPath series = given().get("/summits/attendance").then().statusCode(200)
                .body("withoutAttendance", hasItem("austin-2016"))
                .extract().jsonPath();
        assertEquals(List.of("hong-kong-2013", "atlanta-2014", "paris-2014", "vancouver-2015", "tokyo-2015"),
                series.getList("series.slug", String.class).subList(0, 5));
        List<Object> attendees = series.getList("series.attendees");
        List<Object> growth = series.getList("series.growth");
        List<Object> percent = series.getList("series.growthPercent");
        assertEquals(List.of(3000, 4500, 4700, 6000, 5000), attendees.subList(0, 5));
        assertEquals(Arrays.asList(null, 1500, 200, 1300, -1000), growth.subList(0, 5));
        assertEquals(Arrays.asList(null, "50.0", "4.4", "27.7", "-16.7"), percent.subList(0, 5).stream()
                .map(p -> p == null ? null : String.format(java.util.Locale.ROOT, "%.1f", ((Number) p).doubleValue()))
                .toList());
        assertEquals(List.of(), series.getList("series.slug", String.class).stream()
                .filter("austin-2016"::equals).toList());
    }

    @Test
    void compareShowsFiguresSideBySideWithDifferences() {
        given().queryParam("a", "tokyo-2015").queryParam("b", "vancouver-2015").get("/summits/compare").then()
                .statusCode(200)
                .body("a.slug", equalTo("tokyo-2015")).body("b.slug", equalTo("vancouver-2015"))
                .body("a.attendees", equalTo(5000)).body("b.attendees", equalTo(6000))
                .body("difference.attendees", equalTo(1000))
                .body("difference.days", equalTo(1))
                .body("difference.countries", nullValue());
        given().queryParam("a", "tokyo-2015").queryParam("b", "atlantis-1").get("/summits/compare").then()
                .statusCode(404).contentType("application/problem+json").body("detail", containsString("atlantis-1"));
        given().queryParam("a", "tokyo-2015").get("/summits/compare").then().statusCode(400)
                .body("errors[0].field", equalTo("b"));
    }

    @Test
    void tokyoDemographicsHighlightsAndAwardsAreSeeded() {
        given().get("/summits/tokyo-2015/demographics").then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("topCountries", hasSize(10))
                .body("topCountries[0]", equalTo("United States"))
                .body("topCountries[1]", equalTo("Japan"))
                .body("topCountries[9]", equalTo("Germany"))
                .body("regionShares.name", contains("APAC", "North America", "Europe", "Middle East and Latin America"))
                .body("regionShares.percent", contains(46, 38, 13, 3))
                .body("regionShares[0].basis", equalTo("inferred"))
                .body("regionShares[3].note", containsString("remainder"))
                .body("roleShares.percent", contains(28, 25, 19, 11, 10, 7))
                .body("roleShares[0].name", equalTo("Developer"));
        given().get("/summits/tokyo-2015/highlights").then().statusCode(200)
                .body("highlights", hasSize(4))
                .body("highlights[0]", containsString("Big Tent"))
                .body("highlights[3]", containsString("Kuryr"));
        given().get("/summits/tokyo-2015/awards").then().statusCode(200)
                .body("awards[0].name", equalTo("Superuser Award"))
                .body("awards[0].winner", equalTo("NTT Group"))
                .body("awards[0].note", equalTo("first winner from APAC"));
        given().header("If-None-Match", "\"1\"").get("/summits/tokyo-2015/awards").then().statusCode(304);
        given().get("/summits/atlantis-1/demographics").then().statusCode(404);
        given().get("/summits/atlantis-1/highlights").then().statusCode(404);
        given().get("/summits/atlantis-1/awards").then().statusCode(404);
    }

    @Test
    void subResourcesAreReplacedAndBumpTheSummitVersion() {
        String slug = Api.unique("fig");
        Api.createSummit(slug);
        given().get("/summits/" + slug + "/demographics").then().statusCode(200).body("topCountries", hasSize(0));
        asEditor().body(demographics(60, 40)).put("/summits/" + slug + "/demographics").then().statusCode(200)
                .body("regionShares.percent", contains(60, 40)).body("version", equalTo(1))
                .header("ETag", equalTo("\"1\""));
        asEditor().header("If-Match", "\"0\"").body(demographics(50, 50)).put("/summits/" + slug + "/demographics")
                .then().statusCode(412);
        asEditor().body("{\"highlights\":[\"first\",\"second\"]}").put("/summits/" + slug + "/highlights").then()
                .statusCode(200).body("highlights", contains("first", "second")).body("version", equalTo(2));
        asEditor().body("{\"awards\":[{\"name\":\"Superuser Award\",\"winner\":\"Someone\"}]}")
                .put("/summits/" + slug + "/awards").then().statusCode(200)
                .body("awards[0].winner", equalTo("Someone")).body("version", equalTo(3));
        given().get("/summits/" + slug).then().body("version", equalTo(3));
        asEditor().body("{\"highlights\":[\"x\"]}").put("/summits/atlantis-1/highlights").then().statusCode(404);
    }

    @Test
    void invalidSharesAndAwardsAre400AndChangeNothing() {
        String slug = Api.unique("figbad");
        Api.createSummit(slug);
        String url = "/summits/" + slug + "/demographics";
        asEditor().body(demographics(60, 43)).put(url).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("regionShares"))
                .body("detail", containsString("103"));
        asEditor().body(demographics(101, 0)).put(url).then().statusCode(400)
                .body("errors.field", hasItem("regionShares[0].percent"));
        asEditor().body(demographics(-1, 0)).put(url).then().statusCode(400)
                .body("errors.field", hasItem("regionShares[0].percent"));
        asEditor().body(demographics(10, 10).replace("\"given\"", "\"guessed\"")).put(url).then().statusCode(400)
                .body("errors.field", hasItem("regionShares[0].basis"));
        asEditor().body("{\"awards\":[{\"name\":\"Superuser Award\"}]}").put("/summits/" + slug + "/awards").then()
                .statusCode(400).body("errors.field", hasItem("awards[0].winner"));
        asEditor().body("{\"highlights\":[\"\"]}").put("/summits/" + slug + "/highlights").then().statusCode(400);
        asEditor().body("[1,2").put(url).then().statusCode(400).contentType("application/problem+json");
        given().get("/summits/" + slug).then().body("version", equalTo(0));
        given().get(url).then().body("regionShares", hasSize(0));
    }

    @Test
    void partsTakeAMergePatchAndOnlyThat() {
        String slug = Api.unique("figpatch");
        Api.createSummit(slug);
        asEditor().body(demographics(60, 40)).put("/summits/" + slug + "/demographics").then().statusCode(200);
        asEditor().contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body("{\"topCountries\":[\"Japan\"]}").patch("/summits/" + slug + "/demographics").then()
                .statusCode(200).header("ETag", equalTo("\"2\"")).body("topCountries", contains("Japan"))
                .body("regionShares.percent", contains(60, 40)).body("version", equalTo(2));
        asEditor().contentType("application/merge-patch+json")
                .body("{\"regionShares\":[{\"name\":\"A\",\"percent\":70,\"basis\":\"given\"},"
                        + "{\"name\":\"B\",\"percent\":40,\"basis\":\"given\"}]}")
                .patch("/summits/" + slug + "/demographics").then().statusCode(400)
                .body("type", equalTo("/problems/invalid-body")).body("errors[0].field", equalTo("regionShares"));
        asEditor().contentType("application/merge-patch+json").body("{\"topCountries\":null}")
                .patch("/summits/" + slug + "/demographics").then().statusCode(400)
                .body("errors.field", hasItem("topCountries"));
        asEditor().contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body("{\"highlights\":[\"x\"]}").patch("/summits/" + slug + "/highlights").then().statusCode(412);
        asEditor().contentType("application/merge-patch+json").body("{\"highlights\":[\"one\",\"two\"]}")
                .patch("/summits/" + slug + "/highlights").then().statusCode(200)
                .body("highlights", contains("one", "two")).body("version", equalTo(3));
        asEditor().contentType("application/merge-patch+json")
                .body("{\"awards\":[{\"name\":\"Superuser Award\",\"winner\":\"Someone\"}]}")
                .patch("/summits/" + slug + "/awards").then().statusCode(200)
                .body("awards[0].winner", equalTo("Someone")).body("version", equalTo(4));
        for (String part : List.of("demographics", "highlights", "awards")) {
            asEditor().contentType("application/json").body("{}").patch("/summits/" + slug + "/" + part).then()
                    .statusCode(415).body("type", equalTo("/problems/unsupported-media-type"));
        }
        asEditor().contentType("application/merge-patch+json").body("{\"awards\":[]}")
                .patch("/summits/atlantis-1/awards").then().statusCode(404);
        given().get("/summits/" + slug).then().body("version", equalTo(4));
        given().get("/summits/" + slug + "/demographics").then().body("topCountries", contains("Japan"));
    }

    private static String demographics(int first, int second) {
        return """
                {"topCountries":["Japan","United States"],
                 "regionShares":[{"name":"APAC","percent":%d,"basis":"given"},
                                 {"name":"Rest","percent":%d,"basis":"inferred","note":"remainder"}],
                 "roleShares":[{"name":"Developer","percent":30,"basis":"given"}]}""".formatted(first, second);
    }
}
