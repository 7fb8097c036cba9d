package dev.stackpulse.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackpulse.testing.PageBrowser;
import dev.stackpulse.testing.SharedInfra;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The live feed page in a real Chromium against the whole system: a change made through catalog's and summit's
 * APIs appears as a sentence without a reload, with its time zone, and its link opens the owning service's page.
 */
class LiveFeedPageTest {

    private static SystemStack stack;
    private static PageBrowser browser;

    @BeforeAll
    static void start() {
        stack = SystemStack.get();
        browser = PageBrowser.open();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    @Test
    void anAdoptionChangeMadeThroughTheApiAppearsAsASentenceAndLinksToTheProjectPage() {
        browser.resize(PageBrowser.DESKTOP);
        browser.script("localStorage.setItem('stackpulse.lang', 'en');");
        browser.load(stack.feed.baseUrl() + "/");
        browser.awaitTrue(() -> "live".equals(browser.find("#connection").getDomAttribute("data-state")));

        JsonPath before = given().baseUri(stack.catalog.baseUrl()).get("/releases/liberty/projects/neutron")
                .then().statusCode(200).extract().jsonPath();
        int was = before.getInt("adoption");
        int now = was == 100 ? 99 : was + 1;
        List<String> highlights = before.getList("highlights");
        try {
            given().baseUri(stack.catalog.baseUrl()).contentType("application/json")
                    .header("Authorization", SharedInfra.tokens().editor())
                    .body(Map.of("adoption", now, "highlights", highlights))
                    .put("/releases/liberty/projects/neutron").then().statusCode(200);

            String sentence = "Neutron — Liberty adoption " + was + " % → " + now + " %";
            browser.awaitTrue(() -> browser.all("#changes li[data-subject='liberty/neutron'] .headline").stream()
                    .anyMatch(h -> h.getText().equals(sentence)));
            WebElement change = browser.all("#changes li[data-subject='liberty/neutron']").get(0);
            assertTrue(change.getText().contains(sentence), change.getText());
            String time = change.findElement(By.tagName("time")).getText();
            assertTrue(time.endsWith("UTC") || time.matches(".*(GMT|[A-Z]{2,5}|[+-]\\d{1,2}(:\\d\\d)?)$"),
                    "a time with its zone: " + time);
            assertEquals(List.of(), browser.consoleErrors());
            assertEquals(List.of(), browser.seriousAccessibilityViolations());
            browser.screenshot("feed-live");

            // The entity's details and history open beside the list.
            change.findElement(By.cssSelector("button.entity")).click();
            browser.awaitTrue(() -> browser.all("#history-list li").size() >= 2);
            assertTrue(browser.text("#history-list li:first-child").contains(was + " % → " + now + " %"));
            browser.screenshot("feed-history");

            // Its link opens the owning page on catalog-service, which shows the new figure.
            change.findElement(By.cssSelector("a.who")).click();
            browser.awaitTrue(() -> browser.driver().getCurrentUrl().startsWith(stack.catalog.baseUrl() + "/project.html")
                    && "true".equals(browser.find("body").getDomAttribute("data-ready")));
            assertTrue(browser.text("#releases tr[data-release='liberty']").contains(now + " %"));
            assertEquals(List.of(), browser.consoleErrors());
        } finally {
            given().baseUri(stack.catalog.baseUrl()).contentType("application/json")
                    .header("Authorization", SharedInfra.tokens().editor())
                    .body(Map.of("adoption", was, "highlights", highlights))
                    .put("/releases/liberty/projects/neutron").then().statusCode(200);
        }
    }

    @Test
    void editedNotesReadAsWhoEditedWhichSessionAndTheLanguageSwitchTranslates() {
        browser.resize(PageBrowser.DESKTOP);
        browser.script("localStorage.setItem('stackpulse.lang', 'en');");
        browser.load(stack.feed.baseUrl() + "/");
        browser.awaitTrue(() -> "live".equals(browser.find("#connection").getDomAttribute("data-state")));

        JsonPath session = given().baseUri(stack.summit.baseUrl()).get("/sessions/4").then().statusCode(200)
                .extract().jsonPath();
        String etag = given().baseUri(stack.summit.baseUrl()).get("/sessions/4/notes").then().statusCode(200)
                .extract().header("ETag");
        JsonPath notes = given().baseUri(stack.summit.baseUrl()).contentType("application/json")
                .header("Authorization", SharedInfra.tokens().editor()).header("If-Match", etag)
                .body(Map.of("body", "Agreed: SFC first. " + System.nanoTime()))
                .put("/sessions/4/notes").then().statusCode(200).extract().jsonPath();

        String sentence = "Tokyo 2015 — notes of “" + session.getString("title") + "” edited by "
                + notes.getString("author") + " (revision " + notes.getInt("revision") + ")";
        browser.awaitTrue(() -> browser.all("#changes li[data-subject='4/notes'] .headline").stream()
                .anyMatch(h -> h.getText().equals(sentence)));
        browser.screenshot("feed-notes");

        new Select(browser.find("#language")).selectByValue("ja");
        browser.awaitTrue(() -> browser.all("#changes li[data-subject='4/notes'] .headline").get(0).getText()
                .contains("のノートを"));
        assertEquals("ja", browser.find("html").getDomAttribute("lang"));
        browser.screenshot("feed-ja");
        new Select(browser.find("#language")).selectByValue("en");

        browser.resize(PageBrowser.PHONE);
        assertEquals("", browser.overflowingElements(), "no horizontal scrolling at phone width");
        assertEquals(List.of(), browser.seriousAccessibilityViolations());
        browser.screenshot("feed-phone");
        assertEquals(List.of(), browser.consoleErrors());
    }
}
