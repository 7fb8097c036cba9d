package dev.stackpulse.summit.pages;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackpulse.summit.Api;
import dev.stackpulse.testing.PageBrowser;
import dev.stackpulse.testing.SharedInfra;
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
import org.openqa.selenium.WebElement;

/** The design-summit sessions page: list and filters, notes history and diff, the editor's conflict handling. */
@QuarkusTest
class SessionsPageTest {

    @TestHTTPResource("/sessions.html")
    URL page;

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
    void theListShowsEverySessionWithEtherpadTopicsAndActionItems() {
        Pages.fresh(browser, page.toString());
        assertEquals(List.of(), browser.consoleErrors());
        List<Map<String, Object>> sessions = given().queryParam("limit", 500).get("/sessions").then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertEquals(sessions.size(), browser.all("#sessions li.session").size());

        JsonPath first = given().get("/sessions/1").then().statusCode(200).extract().jsonPath();
        WebElement card = browser.find("#sessions li.session[data-id='1']");
        assertEquals(first.getString("etherpad"), card.findElement(
                org.openqa.selenium.By.cssSelector("a.etherpad")).getDomAttribute("href"));
        assertEquals(first.getList("topics"), card.findElements(org.openqa.selenium.By.cssSelector(".topics li"))
                .stream().map(WebElement::getText).toList());
        List<String> items = card.findElements(org.openqa.selenium.By.cssSelector(".items li")).stream()
                .map(WebElement::getText).toList();
        assertEquals(first.getList("items").size(), items.size());
        assertTrue(items.get(0).startsWith("ready to merge " + first.getString("items[0].text")), items.get(0));
        Pages.accessible(browser);
        browser.screenshot("sessions");

        Pages.choose(browser, "#f-status", "needs-work");
        browser.find("#apply").click();
        int needsWork = given().queryParam("itemStatus", "needs-work").queryParam("limit", 500).get("/sessions")
                .then().statusCode(200).extract().jsonPath().getList("items").size();
        browser.awaitTrue(() -> browser.driver().getCurrentUrl().endsWith("?itemStatus=needs-work")
                && "true".equals(browser.find("body").getDomAttribute("data-ready"))
                && browser.all("#sessions li.session").size() == needsWork);
        for (WebElement each : browser.all("#sessions li.session")) {
            assertTrue(!each.findElements(org.openqa.selenium.By.cssSelector("li[data-status=needs-work]")).isEmpty());
        }
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void aSessionShowsItsNotesHistoryAndADiffBetweenTwoRevisions() {
        long id = Api.createSession("tokyo-2015", "Page diff session");
        edit(id, "\"0\"", "# Notes\\nold line\\nsame\\n");
        edit(id, "\"1\"", "# Notes\\nnew line\\nsame\\nlast line\\n");
        Pages.fresh(browser, page + "?id=" + id);
        assertEquals(List.of(), browser.consoleErrors());
        assertEquals("Page diff session", browser.text("#session h2"));
        assertEquals("# Notes\nnew line\nsame\nlast line", browser.text("#notes-current"));
        assertEquals(2, browser.all("#history tbody tr").size());

        Pages.choose(browser, "#diff-from", "1");
        Pages.choose(browser, "#diff-to", "2");
        browser.find("#diff-button").click();
        browser.awaitTrue(() -> !browser.all("table.diff").isEmpty());
        assertEquals(List.of("old line"), Pages.texts(browser, "table.diff tr.removed td.text"));
        assertEquals(List.of("new line", "last line"), Pages.texts(browser, "table.diff tr.added td.text"));
        String removedWord = browser.script(
                "return document.querySelector('table.diff tr.removed td.sign .visually-hidden').textContent;");
        assertEquals("removed", removedWord);
        assertEquals(List.of(), browser.consoleErrors());
        Pages.accessible(browser);
        Pages.scrollTo(browser, "#diff-heading");
        browser.screenshot("session-notes-diff");
    }

    @Test
    void anEditMadeMeanwhileIsShownAsAConflictAndNothingIsOverwritten() {
        long id = Api.createSession("tokyo-2015", "Page conflict session");
        edit(id, "\"0\"", "# Notes\\nfirst\\n");
        Pages.fresh(browser, page + "?id=" + id);
        browser.find("#token").sendKeys(SharedInfra.tokens().editor().substring("Bearer ".length()));
        WebElement text = browser.find("#notes-text");
        text.clear();
        text.sendKeys("# Notes\nfirst\nmine\n");

        given().contentType("application/json").header("Authorization", SharedInfra.tokens().bearer("bob", "editor"))
                .header("If-Match", "\"1\"").body("{\"body\":\"# Notes\\nfirst\\ntheirs\\n\"}")
                .put("/sessions/" + id + "/notes").then().statusCode(200);
        browser.find("#save").click();
        browser.awaitTrue(() -> browser.find("#conflict").isDisplayed()
                && "true".equals(browser.find("body").getDomAttribute("data-ready")));
        String conflict = browser.text("#conflict");
        assertTrue(conflict.contains("revision 2 was saved by bob"), conflict);
        assertEquals(List.of("theirs"), Pages.texts(browser, "#conflict table.diff tr.added td.text"));
        assertEquals("# Notes\nfirst\nmine\n", browser.find("#notes-text").getDomProperty("value"));
        given().get("/sessions/" + id + "/notes").then().body("revision", equalTo(2))
                .body("body", equalTo("# Notes\nfirst\ntheirs\n"));
        assertEquals(List.of(), consoleErrorsBut412());
        Pages.accessible(browser);
        Pages.scrollTo(browser, "#conflict");
        browser.screenshot("session-notes-conflict");

        browser.find("#conflict-keep").click();
        browser.awaitTrue(() -> browser.text("#editor-base").equals("Editing from revision 2."));
        browser.find("#save").click();
        browser.awaitTrue(() -> browser.text("#save-result").equals("Saved as revision 3."));
        given().get("/sessions/" + id + "/notes").then().body("revision", equalTo(3))
                .body("author", equalTo("test-editor")).body("body", equalTo("# Notes\nfirst\nmine\n"));

        edit(id, "\"3\"", "# Notes\\nfourth\\n");
        text.sendKeys("more");
        browser.find("#save").click();
        browser.awaitTrue(() -> browser.find("#conflict").isDisplayed());
        browser.find("#conflict-reload").click();
        browser.awaitTrue(() -> "# Notes\nfourth\n".equals(browser.find("#notes-text").getDomProperty("value")));
        assertEquals("Editing from revision 4.", browser.text("#editor-base"));
    }

    @Test
    void aRefusedTokenSaysWhyAndSavesNothing() {
        long id = Api.createSession("tokyo-2015", "Page token session");
        Pages.fresh(browser, page + "?id=" + id);
        browser.find("#notes-text").sendKeys("unsaved");
        browser.find("#save").click();
        browser.awaitTrue(() -> browser.text("#save-result").contains("Paste a bearer token"));

        browser.find("#token").sendKeys("not-a-token");
        browser.find("#save").click();
        browser.awaitTrue(() -> browser.text("#auth-problem").contains("(401)"));

        browser.find("#token").clear();
        browser.find("#token").sendKeys(SharedInfra.tokens().bearer("reader", "viewer").substring("Bearer ".length()));
        browser.find("#save").click();
        browser.awaitTrue(() -> browser.text("#auth-problem").contains("(403)"));
        given().get("/sessions/" + id + "/notes").then().body("revision", equalTo(0));
        Pages.accessible(browser);
    }

    @Test
    void theLanguageSwitchRendersThePageInJapanese() {
        Pages.fresh(browser, page.toString());
        assertEquals("Design-summit sessions", browser.text("h1"));
        assertEquals("needs work", browser.text("#sessions li.session[data-id='1'] li[data-status=needs-work] .badge"));
        Pages.chooseLanguage(browser, "ja");
        browser.awaitTrue(() -> browser.text("h1").equals("デザインサミットのセッション")
                && "true".equals(browser.find("body").getDomAttribute("data-ready")));
        assertEquals("要対応", browser.text("#sessions li.session[data-id='1'] li[data-status=needs-work] .badge"));
        assertEquals("アクションアイテムの状態", browser.text("label:has(#f-status) span"));
        assertEquals(List.of(), browser.consoleErrors());
        Pages.accessible(browser);
        Pages.chooseLanguage(browser, "en");
        browser.awaitTrue(() -> browser.text("h1").equals("Design-summit sessions"));
    }

    @Test
    void atPhoneWidthListAndNotesFitTheScreen() {
        long id = Api.createSession("tokyo-2015", "Page phone session");
        edit(id, "\"0\"", "# Notes\\n- a rather long line of notes that has to wrap on a narrow phone screen "
                + "https://etherpad.openstack.org/p/mitaka-neutron-core-liberty-backlog\\n");
        browser.resize(PageBrowser.PHONE);
        Pages.fresh(browser, page.toString());
        assertEquals(List.of(), browser.consoleErrors());
        Pages.noHorizontalScroll(browser);
        browser.screenshot("sessions-phone");
        Pages.wholePage(browser, "sessions-phone-full");

        browser.load(page + "?id=" + id);
        browser.find("#diff-button").click();
        browser.awaitTrue(() -> !browser.all("table.diff").isEmpty());
        Pages.noHorizontalScroll(browser);
        assertEquals(List.of(), browser.consoleErrors());
        Pages.accessible(browser);
        Pages.scrollTo(browser, "#notes-heading");
        browser.screenshot("session-notes-phone");
        Pages.wholePage(browser, "session-notes-phone-full");
    }

    private static void edit(long id, String ifMatch, String jsonBody) {
        Api.asEditor().header("If-Match", ifMatch).body("{\"body\":\"" + jsonBody + "\"}")
                .put("/sessions/" + id + "/notes").then().statusCode(200);
    }

    /** The browser logs the refused PUT (412) as a failed load; that one is expected, nothing else. */
    private static List<String> consoleErrorsBut412() {
        return browser.consoleErrors().stream().filter(e -> !e.contains("412")).toList();
    }
}
