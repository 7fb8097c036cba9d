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

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
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
                .body("page", equalTo(1)).body("size", equalTo(20))
                .body("total", greaterThanOrEqualTo(15))
                .body("items.release", everyItem(equalTo("liberty")))
                .body("items[0].slug", equalTo("barbican"));
    }

    @Test
    void filterByTier() {
        given().queryParam("tier", "core").queryParam("size", 100).get("/projects").then().statusCode(200)
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
                .body("total", equalTo(0)).body("items", empty()).body("next", nullValue());
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
                .queryParam("size", 6).get("/projects").then().statusCode(200)
                .body("items.slug", contains("keystone", "nova", "glance", "neutron", "cinder", "swift"));
    }

    @Test
    void sortByAdoptionAscending() {
        given().queryParam("release", "liberty").queryParam("minAdoption", 0).queryParam("sort", "adoption")
                .queryParam("size", 3).get("/projects").then().statusCode(200)
                .body("items.slug", contains("zaqar", "barbican", "ironic"));
    }

    @Test
    void sortByMaturityDescending() {
        given().queryParam("release", "liberty").queryParam("minAdoption", 0).queryParam("sort", "-maturity")
                .queryParam("size", 100).get("/projects").then().statusCode(200)
                .body("items[0..3].slug", contains("cinder", "keystone", "neutron", "nova"))
                .body("items[14].maturity.score", equalTo(1));
    }

    @Test
    void sortByAgeDescending() {
        given().queryParam("release", "liberty").queryParam("minAdoption", 0).queryParam("sort", "-age")
                .queryParam("size", 3).get("/projects").then().statusCode(200)
                .body("items.slug", contains("glance", "nova", "swift"));
        given().queryParam("release", "liberty").queryParam("minAdoption", 0).queryParam("sort", "age")
                .queryParam("size", 3).get("/projects").then().statusCode(200)
                .body("items.slug", contains("barbican", "designate", "zaqar"));
    }

    @Test
    void sortByNameDescending() {
        given().queryParam("release", "liberty").queryParam("minAdoption", 0).queryParam("sort", "-name")
                .queryParam("size", 2).get("/projects").then().statusCode(200)
                .body("items.slug", contains("zaqar", "trove"));
    }

    @Test
    void pagingWalksToTheLastPageAndBeyond() {
        String first = given().queryParam("release", "liberty").queryParam("minAdoption", 0)
                .queryParam("size", 4).get("/projects").then().statusCode(200)
                .body("total", equalTo(15)).body("items", hasSize(4))
                .body("next", containsString("page=2")).extract().path("next");
        given().get(first).then().statusCode(200).body("page", equalTo(2)).body("items", hasSize(4));
        given().queryParam("release", "liberty").queryParam("minAdoption", 0).queryParam("size", 4)
                .queryParam("page", 4).get("/projects").then().statusCode(200)
                .body("items", hasSize(3)).body("next", nullValue()).body("total", equalTo(15));
        given().queryParam("release", "liberty").queryParam("minAdoption", 0).queryParam("size", 4)
                .queryParam("page", 5).get("/projects").then().statusCode(200)
                .body("items", empty()).body("next", nullValue()).body("total", equalTo(15));
    }

    @ParameterizedTest
    @CsvSource({"page,0", "page,abc", "page,-1", "size,0", "size,101", "size,x", "sort,popularity",
            "sort,-", "tier,extra", "minAdoption,101", "minAdoption,lots", "minMaturity,6", "minAge,-1",
            "release,nope"})
    void badParameterIs400NamingIt(String name, String value) {
        given().queryParam(name, value).get("/projects").then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", is(400))
                .body("errors[0].field", equalTo(name));
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
