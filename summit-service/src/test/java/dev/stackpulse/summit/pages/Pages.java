package dev.stackpulse.summit.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stackpulse.testing.PageBrowser;
import java.util.List;
import java.util.Locale;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** What the page tests share: a clean start, the language switch and the checks every page passes. */
final class Pages {

    private Pages() {
    }

    /** Loads the page with no language chosen and no token pasted (the browser is shared by a class's tests). */
    static void fresh(PageBrowser browser, String url) {
        browser.load(url);
        browser.script("localStorage.clear(); sessionStorage.clear();");
        browser.consoleErrors();
        browser.load(url);
    }

    static void chooseLanguage(PageBrowser browser, String language) {
        new Select(browser.find("#language")).selectByValue(language);
    }

    static void choose(PageBrowser browser, String css, String value) {
        new Select(browser.find(css)).selectByValue(value);
    }

    static List<String> texts(PageBrowser browser, String css) {
        return browser.all(css).stream().map(WebElement::getText).toList();
    }

    static String number(Number value) {
        return String.format(Locale.UK, "%,d", value.longValue());
    }

    static List<Double> doubles(List<?> values) {
        return values.stream().map(v -> ((Number) v).doubleValue()).toList();
    }

    static void noHorizontalScroll(PageBrowser browser) {
        assertEquals("", browser.overflowingElements(), "elements wider than the page");
    }

    static void accessible(PageBrowser browser) {
        assertEquals(List.of(), browser.seriousAccessibilityViolations());
    }

    /**
     * A screenshot of the whole page: the window made as tall as the page (same width, so the same layout), at most
     * 9000 px (the report at phone width, with its co-located events, is taller than 6000).
     */
    static void wholePage(PageBrowser browser, String name) {
        Dimension before = browser.driver().manage().window().getSize();
        Long height = browser.script("return document.documentElement.scrollHeight;");
        browser.resize(new Dimension(before.width, (int) Math.min(9000, height + 200)));
        browser.awaitTrue(() -> Boolean.TRUE.equals(browser.script(
                "return document.documentElement.scrollHeight <= window.innerHeight;")));
        browser.screenshot(name);
        browser.resize(before);
    }

    static void scrollTo(PageBrowser browser, String css) {
        browser.script("document.querySelector(arguments[0]).scrollIntoView({block: 'start'});", css);
    }
}
