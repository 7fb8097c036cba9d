package dev.stackpulse.summit;

import static dev.stackpulse.summit.Api.asAdmin;
import static dev.stackpulse.summit.Api.asEditor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackpulse.testing.SharedInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** GET/POST/PUT/PATCH/DELETE /summits: filters, sorting, paging, validation, preconditions, roles. */
@QuarkusTest
class SummitResourceTest {

    static final Pattern RFC3339_MILLIS = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");

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
                .body("limit", equalTo(50)).body("next", nullValue()).header("Link", nullValue());
        given().queryParam("year", 2015).queryParam("sort", "attendees").get("/summits").then().statusCode(200)
                .body("items.slug", equalTo(List.of("tokyo-2015", "vancouver-2015")));
        given().queryParam("year", 2015).queryParam("sort", "-startDate").get("/summits").then().statusCode(200)
                .body("items.slug", equalTo(List.of("tokyo-2015", "vancouver-2015")));
        given().queryParam("year", 2014).queryParam("sort", "-year,city").get("/summits").then().statusCode(200)
                .body("items.slug", equalTo(List.of("atlanta-2014", "paris-2014")));
        given().queryParam("status", "planned").get("/summits").then().statusCode(200)
                .body("items.slug", hasItem("austin-2016")).body("items.status", not(hasItem("held")));
        given().get("/summits").then().statusCode(200).body("items[0].slug", equalTo("hong-kong-2013"));
    }

    @Test
    void missingAttendanceSortsLastInBothDirections() {
        for (String sort : List.of("attendees", "-attendees")) {
            List<Integer> attendees = walk("/summits?sort=" + sort + "&limit=2").stream()
                    .map(s -> (Integer) s.get("attendees")).toList();
            int firstNull = attendees.indexOf(null);
            assertTrue(firstNull > 0, sort + ": " + attendees);
            assertTrue(attendees.subList(firstNull, attendees.size()).stream().allMatch(a -> a == null), sort);
            List<Integer> figures = attendees.subList(0, firstNull);
            List<Integer> sorted = new ArrayList<>(figures);
            sorted.sort(sort.startsWith("-") ? Comparator.reverseOrder() : Comparator.naturalOrder());
            assertEquals(sorted, figures, sort);
        }
    }

    @Test
    void aWalkWithLimit2SeesEveryItemOnceInOrder() {
        for (String sort : List.of("startDate", "-year", "-attendees,city", "city,-startDate", "year,-attendees")) {
            List<Object> all = given().queryParam("sort", sort).queryParam("limit", 500).get("/summits").then()
                    .statusCode(200).body("next", nullValue()).extract().jsonPath().getList("items.slug");
            List<Object> walked = walk("/summits?sort=" + sort + "&limit=2").stream().map(s -> s.get("slug")).toList();
            assertEquals(all, walked, sort);
            assertEquals(all.size(), new HashSet<>(walked).size(), sort);
        }
        List<Object> held = walk("/summits?status=held&year=2014&limit=1").stream().map(s -> s.get("slug")).toList();
        assertEquals(List.of("atlanta-2014", "paris-2014"), held);
    }

    @Test
    void theFirstPageOfTheNewestSummits() {
        // The example of the report: GET /summits?sort=-year&limit=2, request and response logged.
        ExtractableResponse<Response> page = given().log().uri().queryParam("sort", "-year").queryParam("limit", 2)
                .get("/summits").then().log().all().statusCode(200)
                .body("items", hasSize(2)).body("limit", equalTo(2))
                .body("next", startsWith("/summits?")).body("next", containsString("sort=-year"))
                .body("next", containsString("after=")).extract();
        assertEquals("<" + page.path("next") + ">; rel=\"next\"", page.header("Link"));
        List<Integer> years = page.jsonPath().getList("items.startDate", String.class).stream()
                .map(d -> Integer.parseInt(d.substring(0, 4))).toList();
        assertTrue(years.get(0) >= years.get(1), years.toString());
    }

    @Test
    void aTamperedCursorOrOneOfAnotherSortIsRefusedNamingAfter() {
        String next = given().queryParam("sort", "-year").queryParam("limit", 1).get("/summits").then()
                .extract().path("next");
        String cursor = next.substring(next.indexOf("after=") + "after=".length());
        given().queryParam("sort", "city").queryParam("after", cursor).get("/summits").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("/problems/invalid-parameter"))
                .body("errors[0].field", equalTo("after"));
        for (String tampered : List.of("x" + cursor, cursor.substring(1), "%%%", "bm90IGEgY3Vyc29y",
                Base64.getUrlEncoder().encodeToString("-year\u001fnot-a-year\u001fx".getBytes()))) {
            given().queryParam("sort", "-year").queryParam("after", tampered).get("/summits").then().statusCode(400)
                    .contentType("application/problem+json").body("type", equalTo("/problems/invalid-parameter"))
                    .body("errors[0].field", equalTo("after"));
        }
        given().get(next).then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void malformedListParametersAre400NamingTheParameter() {
        given().queryParam("year", "abc").get("/summits").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("year"));
        given().queryParam("sort", "name").get("/summits").then().statusCode(400).body("errors[0].field", equalTo("sort"));
        given().queryParam("sort", "year,-year").get("/summits").then().statusCode(400)
                .body("errors[0].field", equalTo("sort"));
        given().queryParam("status", "cancelled").get("/summits").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        given().queryParam("limit", 0).get("/summits").then().statusCode(400).body("errors[0].field", equalTo("limit"))
                .body("detail", equalTo("limit: must be a whole number from 1 to 500"));
        given().get("/summits?limit=1&limit=2").then().statusCode(400)
                .body("type", equalTo("/problems/invalid-parameter")).body("errors[0].field", equalTo("limit"));
    }

    @Test
    void unknownParametersAreRefusedNotIgnored() {
        given().queryParam("page", 1).queryParam("size", 2).get("/summits").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("/problems/unknown-parameter"))
                .body("errors.field", containsInAnyOrder("page", "size"));
        given().queryParam("direction", "desc").get("/summits").then().statusCode(400)
                .body("type", equalTo("/problems/unknown-parameter")).body("errors[0].field", equalTo("direction"));
        given().queryParam("verbose", "1").get("/summits/tokyo-2015").then().statusCode(400)
                .body("type", equalTo("/problems/unknown-parameter")).body("errors[0].field", equalTo("verbose"));
        given().queryParam("page", "0").get("/sessions").then().statusCode(400)
                .body("type", equalTo("/problems/unknown-parameter"));
        given().queryParam("a", "tokyo-2015").queryParam("b", "paris-2014").queryParam("c", "x")
                .get("/summits/compare").then().statusCode(400).body("type", equalTo("/problems/unknown-parameter"));
    }

    @Test
    void aWriteRepliesWithTheTimesTheReadBackShowsInTheOneFormat() {
        String slug = Api.unique("times");
        ExtractableResponse<Response> created = asEditor().body(Api.summit(slug, 2032, 1)).post("/summits").then()
                .statusCode(201).extract();
        ExtractableResponse<Response> read = given().get("/summits/" + slug).then().statusCode(200).extract();
        assertEquals(created.path("createdAt"), (Object) read.path("createdAt"));
        assertEquals(created.path("updatedAt"), (Object) read.path("updatedAt"));
        assertTrue(RFC3339_MILLIS.matcher(read.path("createdAt")).matches(), (String) read.path("createdAt"));
        String patched = asEditor().contentType("application/merge-patch+json").body("{\"attendees\":2}")
                .patch("/summits/" + slug).then().statusCode(200).extract().path("updatedAt");
        assertTrue(RFC3339_MILLIS.matcher(patched).matches(), patched);
        assertEquals(patched, given().get("/summits/" + slug).then().extract().path("updatedAt"));
        assertEquals(created.path("createdAt"), (Object) given().get("/summits/" + slug).then().extract()
                .path("createdAt"));
    }

    @Test
    void patchTakesOnlyMergePatch() {
        String slug = Api.unique("mp");
        Api.createSummit(slug);
        asEditor().contentType("application/json").body("{\"attendees\":5}").patch("/summits/" + slug).then()
                .statusCode(415).contentType("application/problem+json")
                .body("type", equalTo("/problems/unsupported-media-type"));
        asEditor().contentType("application/merge-patch+json").body("[1]").patch("/summits/" + slug).then()
                .statusCode(400).body("type", equalTo("/problems/invalid-body"));
        given().get("/summits/" + slug).then().body("version", equalTo(0)).body("attendees", equalTo(1000));
    }

    /** Every item of a list, following next from the first page; checks Link is there exactly when next is. */
    static List<Map<String, Object>> walk(String first) {
        List<Map<String, Object>> items = new ArrayList<>();
        String url = first;
        for (int pages = 0; url != null; pages++) {
            assertTrue(pages < 100, "endless walk at " + url);
            ExtractableResponse<Response> page = given().urlEncodingEnabled(false).get(url).then().statusCode(200)
                    .extract();
            items.addAll(page.jsonPath().getList("items"));
            String next = page.path("next");
            assertEquals(next == null ? null : "<" + next + ">; rel=\"next\"", page.header("Link"), url);
            url = next;
        }
        return items;
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
