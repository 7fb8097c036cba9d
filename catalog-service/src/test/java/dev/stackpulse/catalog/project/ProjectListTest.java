package dev.stackpulse.catalog.project;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackpulse.catalog.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GET /projects (filters, sort, paging) and the Navigator view, against the seeded catalog. */
@QuarkusTest
class ProjectListTest {

    /** Liberty maturity per facts.yaml navigator_inputs (last column) and age at 2015-10-15. */
    private static final Map<String, int[]> LIBERTY = Map.ofEntries(
            Map.entry("nova", new int[] {5, 5}), Map.entry("swift", new int[] {4, 5}),
            Map.entry("glance", new int[] {4, 5}), Map.entry("keystone", new int[] {5, 4}),
            Map.entry("neutron", new int[] {5, 4}), Map.entry("cinder", new int[] {5, 4}),
            Map.entry("horizon", new int[] {4, 4}), Map.entry("heat", new int[] {4, 2}),
            Map.entry("ceilometer", new int[] {2, 2}), Map.entry("trove", new int[] {1, 2}),
            Map.entry("ironic", new int[] {2, 1}), Map.entry("barbican", new int[] {2, 0}),
            Map.entry("designate", new int[] {1, 0}), Map.entry("sahara", new int[] {1, 1}),
            Map.entry("zaqar", new int[] {1, 0}));

    @Test
    void navigatorShowsSixCoreAndNineOptionalForLiberty() {
        given().queryParam("release", "liberty").get("/projects/navigator").then().statusCode(200)
                .body("release", equalTo("liberty"))
                .body("core.slug", contains("cinder", "glance", "keystone", "neutron", "nova", "swift"))
                .body("optional.slug", containsInAnyOrder("horizon", "heat", "ceilometer", "trove", "ironic",
                        "barbican", "designate", "sahara", "zaqar"))
                .body("core.find { it.slug == 'neutron' }.adoption", equalTo(89))
                .body("core.find { it.slug == 'nova' }.maturity.rules.scored", contains(true, true, true, true, true));
    }

    @Test
    void navigatorMaturityAndAgeMatchTheFactsForAllFifteen() {
        ValidatableResponse r = given().queryParam("release", "liberty").get("/projects/navigator").then()
                .statusCode(200);
        LIBERTY.forEach((slug, expected) -> {
            String list = slug.matches("nova|swift|glance|keystone|neutron|cinder") ? "core" : "optional";
            r.body(list + ".find { it.slug == '" + slug + "' }.maturity.score", equalTo(expected[0]));
            r.body(list + ".find { it.slug == '" + slug + "' }.ageYears", equalTo(expected[1]));
        });
    }

    @Test
    void navigatorDefaultsToNewestReleaseWithDataAndSpeaksJapanese() {
        given().header("Accept-Language", "ja").get("/projects/navigator").then().statusCode(200)
                .header("Content-Language", "ja")
                .body("release", equalTo("liberty"))
                .body("core.find { it.slug == 'neutron' }.description", equalTo("IaaS基盤のネットワーク管理サービス"))
                .body("core.find { it.slug == 'neutron' }.descriptionLanguage", equalTo("ja"));
    }

    @Test
    void navigatorForKiloShowsKiloAdoption() {
        given().queryParam("release", "kilo").get("/projects/navigator").then().statusCode(200)
                .body("core.find { it.slug == 'neutron' }.adoption", equalTo(79))
                .body("core.find { it.slug == 'neutron' }.ageYears", equalTo(3));
    }

    @Test
    void navigatorUnknownReleaseIs400NamingRelease() {
        given().queryParam("release", "nope").get("/projects/navigator").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("release"));
    }

    @Test
    void listDefaultsToNewestReleaseSortedByName() {
        given().get("/projects").then().statusCode(200)
                .body("limit", equalTo(50))
                .body("items.size()", greaterThanOrEqualTo(15))
                .body("items.release", everyItem(equalTo("liberty")))
                .body("items[0].slug", equalTo("barbican"));
    }

    @Test
    void filterByTier() {
        given().queryParam("tier", "core").queryParam("limit", 100).get("/projects").then().statusCode(200)
                .body("items.tier", everyItem(equalTo("core")))
                .body("items.slug", hasItems("nova", "swift", "glance", "keystone", "neutron", "cinder"))
                .body("items.slug", org.hamcrest.Matchers.not(hasItem("horizon")));
    }

    @Test
    void filterByServiceType() {
        given().queryParam("serviceType", "network").get("/projects").then().statusCode(200)
                .body("items.slug", contains("neutron"));
    }

    @ParameterizedTest
    @CsvSource({"networking SERVICE,neutron", "virtual machine instance,nova", "ORCHESTRATION,heat", "ネットワーク,neutron", "Zaqar,zaqar",
            "ベアメタル,ironic"})
    void textSearchCoversNamesAndBothDescriptions(String q, String slug) {
        given().queryParam("q", q).get("/projects").then().statusCode(200)
                .body("items.slug", contains(slug));
    }

    @Test
    void textSearchTreatsWildcardsLiterally() {
        given().queryParam("q", "%").get("/projects").then().statusCode(200)
                .body("items", empty()).body("next", nullValue());
    }

    @Test
    void filterByMinAdoption() {
        given().queryParam("release", "liberty").queryParam("minAdoption", 90).get("/projects").then()
                .statusCode(200).body("items.slug", contains("glance", "horizon", "keystone", "nova"));
        given().queryParam("release", "kilo").queryParam("minAdoption", 90).queryParam("tier", "core")
                .get("/projects").then().statusCode(200).body("items.slug", contains("glance", "keystone", "nova"));
    }

    @Test
    void filterByMinMaturity() {
        given().queryParam("release", "liberty").queryParam("minMaturity", 5).get("/projects").then()
                .statusCode(200).body("items.slug", contains("cinder", "keystone", "neutron", "nova"));
    }

    @Test
    void filterByMinAge() {
        given().queryParam("release", "liberty").queryParam("minAge", 5).get("/projects").then()
                .statusCode(200).body("items.ageYears", everyItem(greaterThanOrEqualTo(5)))
                .body("items.slug", hasItems("nova", "swift", "glance"))
                .body("items.slug", org.hamcrest.Matchers.not(hasItem("keystone")));
    }

    @Test
    void sortByAdoptionDescendingTiesBySlug() {
        given().queryParam("release", "liberty").queryParam("tier", "core").queryParam("sort", "-adoption")
                .queryParam("limit", 6).get("/projects").then().statusCode(200)
                .body("items.slug", contains("keystone", "nova", "glance", "neutron", "cinder", "swift"));
    }

    @Test
    void sortByAdoptionAscending() {
        given().queryParam("release", "liberty").queryParam("minAdoption", 0).queryParam("sort", "adoption")
                .queryParam("limit", 3).get("/projects").then().statusCode(200)
                .body("items.slug", contains("zaqar", "barbican", "ironic"));
    }

    @Test
    void sortByMaturityDescending() {
        given().queryParam("release", "liberty").queryParam("minAdoption", 0).queryParam("sort", "-maturity")
                .queryParam("limit", 100).get("/projects").then().statusCode(200)
                .body("items[0..3].slug", contains("cinder", "keystone", "neutron", "nova"))
                .body("items[14].maturity.score", equalTo(1));
    }

    @Test
    void sortByAgeDescending() {
        given().queryParam("release", "liberty").queryParam("minAdoption", 0).queryParam("sort", "-age")
                .queryParam("limit", 3).get("/projects").then().statusCode(200)
                .body("items.slug", contains("glance", "nova", "swift"));
        given().queryParam("release", "liberty").queryParam("minAdoption", 0).queryParam("sort", "age")
                .queryParam("limit", 3).get("/projects").then().statusCode(200)
                .body("items.slug", contains("barbican", "designate", "zaqar"));
    }

    @Test
    void sortByNameDescending() {
        given().queryParam("release", "liberty").queryParam("minAdoption", 0).queryParam("sort", "-name")
                .queryParam("limit", 2).get("/projects").then().statusCode(200)
                .body("items.slug", contains("zaqar", "trove"));
    }

    @Test
    void pagingWalksToTheLastPage() {
        String first = given().queryParam("release", "liberty").queryParam("minAdoption", 0)
                .queryParam("limit", 4).get("/projects").then().statusCode(200)
                .body("limit", equalTo(4)).body("items", hasSize(4))
                .body("next", containsString("after=")).body("next", containsString("limit=4"))
                .extract().path("next");
        String second = given().get(first).then().statusCode(200).body("items", hasSize(4))
                .extract().path("next");
        String third = given().get(second).then().statusCode(200).body("items", hasSize(4)).extract().path("next");
        given().get(third).then().statusCode(200).body("items", hasSize(3)).body("next", nullValue());
    }

    @ParameterizedTest
    @CsvSource({"limit,0", "limit,abc", "limit,-1", "limit,501", "limit,1.5", "sort,popularity", "sort,-",
            "sort,'name,name'", "after,not-a-cursor", "tier,extra", "serviceType,co*mpute", "minAdoption,101",
            "minAdoption,lots", "minMaturity,6", "minAge,-1", "release,nope"})
    void badParameterIs400NamingIt(String name, String value) {
        given().queryParam(name, value).get("/projects").then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", is(400))
                .body("type", equalTo("/problems/invalid-parameter"))
                .body("errors[0].field", equalTo(name));
    }

    @ParameterizedTest
    @CsvSource({"tier=core&sort=-adoption", "sort=name", "release=kilo&sort=-maturity,age",
            "sort=-age,-name", "q=service&sort=adoption"})
    void aWalkWithLimitTwoSeesEveryItemOnceInOrder(String query) {
        List<String> whole = given().get("/projects?" + query + "&limit=500").then().statusCode(200)
                .body("next", nullValue()).header("Link", nullValue()).extract().path("items.slug");
        List<String> walked = TestData.walk("/projects?" + query + "&limit=2", "slug");
        assertEquals(whole, walked);
        assertEquals(whole.size(), new HashSet<>(walked).size(), "no item twice");
        assertTrue(whole.size() > 2, "the walk spans pages: " + whole);
    }

    /** The example of the closing note: the request and the response are in the test log. */
    @Test
    void coreProjectsByAdoptionTwoAtATime() {
        io.restassured.response.Response page = given().log().method().log().uri().queryParam("tier", "core")
                .queryParam("sort", "-adoption").queryParam("limit", 2).get("/projects");
        page.then().log().all().statusCode(200)
                .body("items.slug", contains("keystone", "nova")).body("limit", equalTo(2))
                .body("next", org.hamcrest.Matchers.startsWith("/projects?tier=core&sort=-adoption&"))
                .body("next", containsString("after=")).body("next", containsString("limit=2"));
        String next = page.path("next");
        assertEquals("<" + next + ">; rel=\"next\"", page.header("Link"));
        given().get(next).then().statusCode(200).body("items.slug", contains("glance", "neutron"));
    }

    @Test
    void multiKeySortBreaksTiesByTheNextKey() {
        given().queryParam("release", "liberty").queryParam("sort", "-maturity,-age,name").queryParam("limit", 4)
                .get("/projects").then().statusCode(200)
                .body("items.slug", contains("nova", "cinder", "keystone", "neutron"));
    }

    @Test
    void serviceTypeTakesAPrefix() {
        given().queryParam("serviceType", "net*").get("/projects").then().statusCode(200)
                .body("items.serviceType", everyItem(org.hamcrest.Matchers.startsWith("net")))
                .body("items.slug", hasItem("neutron"));
        given().queryParam("serviceType", "net").get("/projects").then().statusCode(200)
                .body("items", empty());
    }

    @Test
    void aTamperedCursorOrOneOfAnotherSortIs400NamingAfter() {
        String next = given().queryParam("sort", "-adoption").queryParam("limit", 2).get("/projects").then()
                .statusCode(200).extract().path("next");
        String cursor = next.replaceAll(".*after=([^&]*).*", "$1");
        for (String bad : List.of(cursor.substring(0, cursor.length() - 3) + "x!~", "AAAA",
                base64url("-adoption\u001f96"), base64url("-adoption\u001fninety\u001fnova"))) {
            given().queryParam("sort", "-adoption").queryParam("after", bad).get("/projects").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("/problems/invalid-parameter")).body("errors[0].field", equalTo("after"));
        }
        given().queryParam("sort", "adoption").queryParam("after", cursor).get("/projects").then().statusCode(400)
                .body("type", equalTo("/problems/invalid-parameter")).body("errors[0].field", equalTo("after"))
                .body("detail", containsString("sort=adoption"));
        given().queryParam("sort", "-adoption").queryParam("after", cursor).get("/projects").then().statusCode(200);
    }

    private static String base64url(String text) {
        return java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void unknownOrRepeatedParametersAre400() {
        given().queryParam("tierr", "core").get("/projects").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("/problems/unknown-parameter"))
                .body("errors[0].field", equalTo("tierr"));
        given().queryParam("page", 2).get("/projects").then().statusCode(400)
                .body("type", equalTo("/problems/unknown-parameter")).body("errors[0].field", equalTo("page"));
        given().get("/projects?tier=core&tier=optional").then().statusCode(400)
                .body("type", equalTo("/problems/invalid-parameter")).body("errors[0].field", equalTo("tier"));
        given().queryParam("lang", "ja").get("/projects/nova").then().statusCode(400)
                .body("type", equalTo("/problems/unknown-parameter")).body("errors[0].field", equalTo("lang"));
        given().queryParam("limit", 2).get("/projects/navigator").then().statusCode(400)
                .body("type", equalTo("/problems/unknown-parameter"));
    }

    @Test
    void anEmptyParameterCountsAsAbsent() {
        given().get("/projects?tier=&sort=&limit=&after=").then().statusCode(200).body("limit", equalTo(50));
    }

    @Test
    void adoptionTrendAcrossReleases() {
        given().get("/projects/neutron/adoption").then().statusCode(200)
                .body("project", equalTo("neutron"))
                .body("releases.release", contains("kilo", "liberty"))
                .body("releases.adoption", contains(79, 89))
                .body("releases[1].change", equalTo(10))
                .body("releases[1].highlights[0]", equalTo("role-based access control (RBAC) for networks"))
                .body("releases[1].maturity.score", equalTo(5));
        given().get("/projects/nope/adoption").then().statusCode(404).contentType("application/problem+json");
    }
}
