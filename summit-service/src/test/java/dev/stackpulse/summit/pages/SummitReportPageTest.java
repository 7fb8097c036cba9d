package dev.stackpulse.summit.pages;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The summit report at /: figures, charts and tables as the API serves them, language switch, phone width. */
@QuarkusTest
class SummitReportPageTest {

    @TestHTTPResource("/")
    URL root;

    private static PageBrowser browser;

    @BeforeAll
    static void openBrowser() {
        browser = PageBrowser.open();
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @BeforeEach
    void desktop() {
        browser.resize(PageBrowser.DESKTOP);
    }

    @Test
    void theReportIsServedWithTheContentSecurityPolicy() {
        given().get("/").then().statusCode(200).header("Content-Security-Policy", containsString("script-src 'self'"));
    }

    @Test
    void tokyoFiguresChartsAndTablesAreTheApis() {
        Pages.fresh(browser, root.toString());
        assertEquals(List.of(), browser.consoleErrors());
        assertEquals("tokyo-2015", browser.find("#summit").getDomProperty("value"));

        JsonPath tokyo = given().get("/summits/tokyo-2015").then().statusCode(200).extract().jsonPath();
        for (String figure : List.of("attendees", "countries", "companies", "pressAndAnalysts", "sponsors")) {
            assertEquals(Pages.number(tokyo.getInt(figure)), browser.text("[data-figure=" + figure + "] dd"), figure);
        }
        assertEquals(tokyo.getInt("firstTimePercent") + " %", browser.text("[data-figure=firstTimePercent] dd"));
        assertEquals(tokyo.getInt("minSessions") + "+", browser.text("[data-figure=minSessions] dd"));

        JsonPath attendance = given().get("/summits/attendance").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> series = attendance.getList("series");
        Map<String, Object> bars = browser.chartData("#attendance-chart");
        assertEquals(series.stream().map(p -> p.get("city") + " " + p.get("season")).toList(), bars.get("labels"));
        assertEquals(Pages.doubles(series.stream().map(p -> p.get("attendees")).toList()), Pages.doubles(data(bars)));
        assertEquals(series.size(), browser.all("#attendance-table tbody tr").size());
        assertTrue(browser.text("#attendance-table").contains("−1,000"), "Tokyo's growth from Vancouver");
        assertTrue(browser.text("#attendance-table").contains("+27.7 %"), "Vancouver's growth from Paris");

        JsonPath demographics = given().get("/summits/tokyo-2015/demographics").then().statusCode(200)
                .extract().jsonPath();
        sharesMatch("#region-chart", "#region-table", demographics.getList("regionShares"), " (inferred)", "inferred");
        sharesMatch("#role-chart", "#role-table", demographics.getList("roleShares"), " (inferred)", "inferred");
        for (String canvas : List.of("#attendance-chart", "#region-chart", "#role-chart")) {
            assertTrue(browser.painted(canvas), canvas + " painted");
            assertTrue(!browser.find(canvas).getDomAttribute("aria-label").isBlank(), canvas + " labelled");
        }
        assertEquals(demographics.getList("topCountries"), Pages.texts(browser, "#countries li"));

        assertEquals(given().get("/summits/tokyo-2015/highlights").then().extract().jsonPath().getList("highlights"),
                Pages.texts(browser, "#highlights li"));
        JsonPath awards = given().get("/summits/tokyo-2015/awards").then().extract().jsonPath();
        assertEquals(awards.getList("awards").size(), browser.all("#awards li").size());
        assertTrue(browser.text("#awards").contains(awards.getString("awards[0].winner")));

        colocatedEventsAreTheApis("en", "Co-located events", "Training", "25 Oct 2015 – 26 Oct 2015 (2 days)");

        Pages.accessible(browser);
        browser.screenshot("summit-report");
        Pages.wholePage(browser, "summit-report-full");
    }

    @Test
    void anotherSummitShowsWhatItHasAndSaysWhatIsNotKnown() {
        Pages.fresh(browser, root.toString());
        Pages.choose(browser, "#summit", "paris-2014");
        browser.awaitTrue(() -> browser.text("[data-figure=attendees] dd").equals("4,700")
                && "true".equals(browser.find("body").getDomAttribute("data-ready")));
        assertEquals("not known", browser.text("[data-figure=countries] dd"));
        assertEquals(List.of("No countries recorded for this summit."), Pages.texts(browser, "#countries li"));
        assertTrue(browser.driver().getCurrentUrl().endsWith("?summit=paris-2014"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void comparingTwoSummitsShowsTheApisDifferences() {
        Pages.fresh(browser, root.toString());
        Pages.choose(browser, "#compare-a", "tokyo-2015");
        Pages.choose(browser, "#compare-b", "vancouver-2015");
        browser.find("#compare-button").click();
        browser.awaitTrue(() -> browser.text("#compare-table caption")
                .equals("Tokyo 2015 autumn compared with Vancouver 2015 spring"));
        JsonPath compare = given().queryParam("a", "tokyo-2015").queryParam("b", "vancouver-2015")
                .get("/summits/compare").then().statusCode(200).extract().jsonPath();
        List<String> attendees = Pages.texts(browser, "#compare-table tr[data-figure=attendees] td");
        assertEquals(List.of(Pages.number(compare.getInt("a.attendees")), Pages.number(compare.getInt("b.attendees")),
                "+" + Pages.number(compare.getInt("difference.attendees"))), attendees);
        List<String> countries = Pages.texts(browser, "#compare-table tr[data-figure=countries] td");
        assertEquals(List.of(Pages.number(compare.getInt("a.countries")), "not known", "—"), countries);
        assertEquals(List.of(), browser.consoleErrors());
        Pages.accessible(browser);
        Pages.scrollTo(browser, "#compare");
        browser.screenshot("summit-compare");
    }

    @Test
    void theLanguageSwitchRendersTheReportInJapanese() {
        Pages.fresh(browser, root.toString());
        assertEquals("Summit report", browser.text("h1"));
        Pages.chooseLanguage(browser, "ja");
        browser.awaitTrue(() -> browser.text("h1").equals("サミットレポート")
                && "true".equals(browser.find("body").getDomAttribute("data-ready")));
        assertEquals("ja", browser.find("html").getDomAttribute("lang"));
        assertEquals("参加者", browser.text("[data-figure=attendees] dt"));
        JsonPath demographics = given().header("Accept-Language", "ja").get("/summits/tokyo-2015/demographics").then()
                .statusCode(200).extract().jsonPath();
        sharesMatch("#region-chart", "#region-table", demographics.getList("regionShares"), "（推定）", "推定");
        colocatedEventsAreTheApis("ja", "併催イベント", "トレーニング", "2015年10月25日 ～ 2015年10月26日（2日間）");
        assertEquals(List.of(), browser.consoleErrors());
        Pages.accessible(browser);
        browser.screenshot("summit-report-ja");
        Pages.chooseLanguage(browser, "en");
        browser.awaitTrue(() -> browser.text("h1").equals("Summit report"));
    }

    @Test
    void atPhoneWidthTheReportIsOneColumnWithoutSidewaysScroll() {
        browser.resize(PageBrowser.PHONE);
        Pages.fresh(browser, root.toString());
        assertEquals(List.of(), browser.consoleErrors());
        Pages.noHorizontalScroll(browser);
        assertTrue(browser.painted("#attendance-chart"));
        assertTrue(browser.painted("#region-chart"));
        Long left = browser.script("return Math.round(document.querySelector('#role-chart').getBoundingClientRect().left"
                + " - document.querySelector('#region-chart').getBoundingClientRect().left);");
        assertEquals(0L, left, "role chart under the region chart, not beside it");
        Pages.accessible(browser);
        browser.screenshot("summit-report-phone");
        Pages.wholePage(browser, "summit-report-phone-full");
    }

    /**
     * Tokyo 2015's co-located events (Upstream Training) as the API serves them in the language: one card each with
     * name, kind, dates, who teaches, the link and the summary (marked with its language).
     */
    private static void colocatedEventsAreTheApis(String language, String heading, String kind, String dates) {
        JsonPath list = given().header("Accept-Language", language).get("/summits/tokyo-2015/colocated-events").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(heading, browser.text("#colocated-heading"));
        assertEquals(list.getList("items").size(), browser.all("#colocated li[data-event]").size());
        assertEquals("upstream-training", list.getString("items[0].key"));
        String card = "#colocated li[data-event=upstream-training] ";
        assertEquals(list.getString("items[0].name"), browser.text(card + "h3"));
        assertEquals(kind, browser.text(card + "[data-field=kind]"));
        assertEquals(dates, browser.text(card + "[data-field=dates]"));
        assertEquals(list.getString("items[0].taughtBy"), browser.text(card + "[data-field=taughtBy]"));
        assertEquals("https://wiki.openstack.org/wiki/OpenStack_Upstream_Training/Info",
                browser.find(card + "[data-field=url] a").getDomAttribute("href"));
        assertEquals(list.getString("items[0].summary"), browser.text(card + "[data-field=summary]"));
        assertEquals(language, browser.find(card + "[data-field=summary]").getDomAttribute("lang"));
    }

    /** Labels of the chart are the share names (marked when inferred), its values the percents; the table says so. */
    private static void sharesMatch(String canvas, String table, List<Map<String, Object>> shares, String tag,
                                    String inferredWord) {
        Map<String, Object> chart = browser.chartData(canvas);
        assertEquals(shares.stream().map(s -> s.get("name") + ("inferred".equals(s.get("basis")) ? tag : "")).toList(),
                chart.get("labels"));
        assertEquals(Pages.doubles(shares.stream().map(s -> s.get("percent")).toList()), Pages.doubles(data(chart)));
        List<String> basis = Pages.texts(browser, table + " tbody tr td:nth-of-type(2)");
        assertEquals(shares.size(), basis.size());
        for (int i = 0; i < shares.size(); i++) {
            if ("inferred".equals(shares.get(i).get("basis"))) {
                assertEquals(inferredWord, basis.get(i));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> data(Map<String, Object> chart) {
        return (List<Object>) ((List<Map<String, Object>>) chart.get("datasets")).get(0).get("data");
    }
}
