package dev.stackpulse.catalog.pages;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackpulse.testing.PageBrowser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

/** The Project Navigator and a project's page in a real headless Chromium, against the real API and database. */
@QuarkusTest
class NavigatorPagesTest {

    private static PageBrowser browser;

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void openBrowser() {
        browser = PageBrowser.open();
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @Test
    void pagesAreServedWithTheSafetyHeaders() {
        for (String page : List.of("/", "/project.html", "/navigator.js", "/pages/house.js")) {
            given().get(page).then().statusCode(200)
                    .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self'"))
                    .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("frame-ancestors 'none'"))
                    .header("X-Content-Type-Options", "nosniff");
        }
        given().get("/webjars/chart.js/dist/chart.umd.min.js").then().statusCode(200);
    }

    @Test
    void navigatorChartsTheApisAdoptionAndFilters() {
        browser.resize(PageBrowser.DESKTOP);
        browser.load(root + "?release=liberty&sort=-adoption");
        browser.awaitTrue(() -> browser.painted("#adoption-chart"));
        JsonPath api = given().queryParam("release", "liberty").queryParam("sort", "-adoption").queryParam("limit", 500)
                .get("/projects").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> surveyed = api.<Map<String, Object>>getList("items").stream()
                .filter(p -> p.get("adoption") != null).toList();
        Map<String, Object> chart = browser.chartData("#adoption-chart");
        assertEquals(surveyed.stream().map(p -> (String) p.get("name")).toList(), chart.get("labels"));
        assertEquals(surveyed.stream().map(p -> ((Number) p.get("adoption")).longValue()).toList(),
                datasetValues(chart, 0));
        assertEquals(api.getList("items").size(), browser.all("#core li.project, #optional li.project").size());
        assertTrue(browser.text("#core").contains("Nova"), "core services listed");
        assertTrue(browser.text("li[data-slug='nova'] .rules").contains("adoption above 75%"), "maturity rules shown");
        assertEquals(List.of(), browser.consoleErrors());
        assertEquals(List.of(), browser.seriousAccessibilityViolations());
        browser.screenshot("navigator");

        // A filter narrows the cards and the chart to what the API answers for it.
        browser.find("#minAdoption").sendKeys("90");
        int expected = given().queryParam("release", "liberty").queryParam("minAdoption", 90).queryParam("limit", 500)
                .get("/projects").then().statusCode(200).extract().jsonPath().getList("items").size();
        browser.awaitTrue(() -> browser.all("li.project").size() == expected);
        browser.awaitTrue(() -> ((List<?>) browser.chartData("#adoption-chart").get("labels")).size() == expected);
        assertTrue(datasetValues(browser.chartData("#adoption-chart"), 0).stream().allMatch(v -> v >= 90));
    }

    @Test
    void languageSwitchShowsTheJapaneseDescriptions() {
        browser.resize(PageBrowser.DESKTOP);
        browser.script("localStorage.setItem('stackpulse.lang', 'en');");
        browser.load(root + "?release=liberty");
        String english = given().header("Accept-Language", "en").get("/projects/nova").jsonPath().getString("description");
        String japanese = given().header("Accept-Language", "ja").get("/projects/nova").jsonPath().getString("description");
        assertNotEquals(english, japanese);
        assertEquals(english, browser.text("li[data-slug='nova'] .description"));
        new Select(browser.find("#language")).selectByValue("ja");
        browser.awaitTrue(() -> japanese.equals(browser.text("li[data-slug='nova'] .description")));
        assertEquals("ja", browser.find("html").getDomAttribute("lang"));
        assertEquals(List.of(), browser.consoleErrors());
        browser.screenshot("navigator-ja");
        new Select(browser.find("#language")).selectByValue("en");
        browser.awaitTrue(() -> english.equals(browser.text("li[data-slug='nova'] .description")));
    }

    @Test
    void navigatorFitsAPhone() {
        browser.resize(PageBrowser.PHONE);
        browser.load(root + "?release=liberty");
        browser.awaitTrue(() -> browser.painted("#adoption-chart"));
        assertEquals("", browser.overflowingElements(), "no horizontal scrolling at phone width");
        assertEquals(List.of(), browser.seriousAccessibilityViolations());
        browser.screenshot("navigator-phone");
        browser.load(root + "project.html?slug=nova");
        browser.awaitTrue(() -> browser.painted("#trend-chart"));
        assertEquals("", browser.overflowingElements(), "the project page fits a phone too");
        assertEquals(List.of(), browser.seriousAccessibilityViolations());
        browser.screenshot("project-nova-phone");
        browser.resize(PageBrowser.DESKTOP);
    }

    @Test
    void projectPageChartsTheAdoptionTrendAndListsHighlights() {
        browser.resize(PageBrowser.DESKTOP);
        browser.script("localStorage.setItem('stackpulse.lang', 'en');");
        browser.load(root + "project.html?slug=neutron");
        browser.awaitTrue(() -> browser.painted("#trend-chart"));
        JsonPath trend = given().get("/projects/neutron/adoption").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> surveyed = trend.<Map<String, Object>>getList("releases").stream()
                .filter(r -> r.get("adoption") != null).toList();
        Map<String, Object> chart = browser.chartData("#trend-chart");
        assertEquals(surveyed.stream().map(r -> (String) r.get("displayName")).toList(), chart.get("labels"));
        assertEquals(surveyed.stream().map(r -> ((Number) r.get("adoption")).longValue()).toList(), datasetValues(chart, 0));
        assertEquals("Neutron", browser.text("#name"));
        List<String> liberty = trend.getList("releases.find { it.release == 'liberty' }.highlights");
        assertTrue(!liberty.isEmpty(), "the seed has Liberty highlights for Neutron");
        String row = browser.text("#releases tr[data-release='liberty']");
        liberty.forEach(h -> assertTrue(row.contains(h), "highlight shown: " + h));
        assertEquals(List.of(), browser.consoleErrors());
        assertEquals(List.of(), browser.seriousAccessibilityViolations());
        browser.screenshot("project-neutron");
    }

    @Test
    void unknownProjectShowsTheProblem() {
        browser.load(root + "project.html?slug=no-such-project");
        browser.awaitTrue(() -> browser.text("#problem [role=alert]").contains("does not exist"));
        browser.consoleErrors(); // the failed fetch's 404 is logged by Chromium itself; the page handles it
    }

    private static List<Long> datasetValues(Map<String, Object> chart, int index) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> datasets = (List<Map<String, Object>>) chart.get("datasets");
        return ((List<?>) datasets.get(index).get("data")).stream().map(v -> ((Number) v).longValue()).toList();
    }
}
