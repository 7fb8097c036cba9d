package dev.stackpulse.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A real headless Chromium (Debian's, through /usr/bin/chromedriver) for page tests: console errors, an axe-core
 * accessibility scan, canvas checks and screenshots under {@code target/screenshots/}.
 */
public final class PageBrowser implements AutoCloseable {

    /** A phone-width viewport (an iPhone 12's CSS pixels). */
    public static final Dimension PHONE = new Dimension(390, 844);
    public static final Dimension DESKTOP = new Dimension(1280, 900);

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final Path profile;

    private PageBrowser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    public static PageBrowser open() {
        try {
            Path profile = Files.createTempDirectory("stackpulse-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=" + DESKTOP.width + "," + DESKTOP.height,
                    "--user-data-dir=" + profile);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
            return new PageBrowser(new ChromeDriver(service, options), profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Loads a page and waits until the page script says it has rendered ({@code <body data-ready="true">}). */
    public void load(String url) {
        driver.get(url);
        awaitTrue(() -> "true".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    public void resize(Dimension size) {
        driver.manage().window().setSize(size);
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public String text(String css) {
        return find(css).getText();
    }

    public void awaitTrue(Callable<Boolean> condition) {
        Awaitility.await().atMost(WAIT).ignoreExceptions().until(condition);
    }

    @SuppressWarnings("unchecked")
    public <T> T script(String js, Object... args) {
        return (T) driver.executeScript(js, args);
    }

    /** Console messages at error level since the last call (CSP violations, failed loads, uncaught exceptions). */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    /** True when the canvas has pixels that are not fully transparent: a chart was drawn on it. */
    public boolean painted(String canvasCss) {
        Boolean painted = script("""
                const c = document.querySelector(arguments[0]);
                if (!c || c.width === 0 || c.height === 0) return false;
                const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                for (let i = 3; i < d.length; i += 4) { if (d[i] !== 0) return true; }
                return false;""", canvasCss);
        return Boolean.TRUE.equals(painted);
    }

    /** The data a Chart.js chart on that canvas was given: labels and each dataset's values. */
    public Map<String, Object> chartData(String canvasCss) {
        return script("""
                const chart = Chart.getChart(document.querySelector(arguments[0]));
                if (!chart) return null;
                return { labels: chart.data.labels.map(String),
                         datasets: chart.data.datasets.map(d => ({ label: String(d.label || ''), data: d.data })) };""",
                canvasCss);
    }

    /**
     * Elements that reach past the page's width (a phone would scroll sideways), as "TAG#id.class right > width";
     * empty when the page fits. Content inside a {@code .table-scroll} region may scroll on its own.
     */
    public String overflowingElements() {
        return script("""
                const limit = document.documentElement.clientWidth;
                if (document.documentElement.scrollWidth > window.innerWidth) return 'the page: '
                    + document.documentElement.scrollWidth + ' > ' + window.innerWidth;
                return [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > limit + 0.5
                        && !(e.parentElement && e.parentElement.closest('.table-scroll')) && !e.closest('.visually-hidden'))
                    .slice(0, 5).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' '
                        + Math.round(e.getBoundingClientRect().right) + ' > ' + limit).join('; ');""");
    }

    /** axe-core's violations with impact serious or critical, as "rule: target" lines (empty when the page passes). */
    public List<String> seriousAccessibilityViolations() {
        if (!Boolean.TRUE.equals(script("return typeof window.axe !== 'undefined';"))) {
            driver.executeScript(axeSource());
        }
        List<Map<String, Object>> violations = castList(driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                   .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                       .map(v => ({ id: v.id, targets: v.nodes.map(n => String(n.target)).join(' | ') }))))
                   .catch(e => done([{ id: 'axe-error', targets: String(e) }]));"""));
        return violations.stream().map(v -> v.get("id") + ": " + v.get("targets")).toList();
    }

    /** Writes a PNG of the viewport to target/screenshots/NAME.png and returns its path. */
    public Path screenshot(String name) {
        try {
            Path shot = Path.of(System.getProperty("stackpulse.screenshots", "target/screenshots"), name + ".png");
            Files.createDirectories(shot.getParent());
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
            return shot;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PNG of the whole page (beyond the viewport, through the DevTools protocol) at target/screenshots/NAME.png. */
    public Path screenshotWholePage(String name) {
        try {
            Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            @SuppressWarnings("unchecked")
            Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
            double width = ((Number) size.get("width")).doubleValue();
            double height = Math.min(((Number) size.get("height")).doubleValue(), 16_000);
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true,
                    "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
            Path file = Path.of(System.getProperty("stackpulse.screenshots", "target/screenshots"), name + ".png");
            Files.createDirectories(file.getParent());
            Files.write(file, java.util.Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted((a, b) -> b.compareTo(a)).map(Path::toFile).forEach(File::delete);
        } catch (IOException ignored) {
            // a leftover temporary profile is harmless
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> castList(Object value) {
        return (List<Map<String, Object>>) value;
    }

    private static String axeSource() {
        try (InputStream in = PageBrowser.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js (com.deque.html.axe-core:selenium) is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String chromium() {
        return Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser").filter(p -> new File(p).canExecute())
                .findFirst().orElse("/usr/bin/chromium");
    }
}
