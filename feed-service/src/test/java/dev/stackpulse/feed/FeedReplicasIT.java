package dev.stackpulse.feed;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackpulse.events.ChangeEvent;
import dev.stackpulse.testing.InfraTestResource;
import dev.stackpulse.testing.LocalInfraProcess;
import dev.stackpulse.testing.PageBrowser;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The packaged service, twice, against one real PostgreSQL and Kafka: both replicas serve the same entries and
 * stream every new event; and a real headless Chromium keeps the live page in sync across a replica restart.
 */
class FeedReplicasIT {

    private static LocalInfraProcess infra;
    private static FeedProcess a;
    private static FeedProcess b;

    @BeforeAll
    static void start() throws Exception {
        infra = LocalInfraProcess.start(List.of("feed"), InfraTestResource.TOPICS);
        Path key = Files.createTempFile("feed-it-jwt", ".pem");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        Files.writeString(key, "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(generator.generateKeyPair().getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        a = new FeedProcess("feed-a", infra, key).start();
        b = new FeedProcess("feed-b", infra, key).start();
    }

    @AfterAll
    static void stop() {
        Stream.of(a, b).filter(p -> p != null).forEach(FeedProcess::stop);
        if (infra != null) {
            infra.stop();
        }
    }

    @Test
    void twoReplicasServeTheSameEntriesAndBothStreamEveryNewEvent() throws Exception {
        long head = given().baseUri(a.baseUrl()).get("/feed/stats").jsonPath().getLong("head");
        String run = "replica-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> produced = new ArrayList<>();
        try (SseClient streamA = new SseClient(a.baseUrl() + "/feed/stream?after=" + head, Map.of());
             SseClient streamB = new SseClient(b.baseUrl() + "/feed/stream?after=" + head, Map.of());
             Events events = new Events(infra.bootstrapServers())) {
            for (int i = 0; i < 12; i++) {
                ChangeEvent event = i % 2 == 0 ? Events.catalog(run + "-" + (i % 3), "updated", i)
                        : Events.summit(run + "-" + (i % 3), "updated", i);
                events.send(event);
                produced.add(event.id().toString());
            }
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> streamA.events().size() >= 12
                    && streamB.events().size() >= 12);
            List<String> idsA = streamA.events().stream().map(e -> JsonPath.from(e.data()).getString("id")).toList();
            assertEquals(produced.stream().sorted().toList(), idsA.stream().sorted().toList());
            assertEquals(streamA.ids(), streamB.ids(), "both replicas stream the same positions in the same order");
            assertEquals(streamA.ids().stream().sorted().distinct().toList(), streamA.ids());
        }
        String pageA = given().baseUri(a.baseUrl()).queryParam("after", head).get("/feed").then().statusCode(200)
                .extract().asString();
        String pageB = given().baseUri(b.baseUrl()).queryParam("after", head).get("/feed").then().statusCode(200)
                .extract().asString();
        assertEquals(pageA, pageB, "any replica answers the same page");
    }

    @Test
    void livePageShowsNewChangesAndResumesWithoutDuplicatesAfterARestart() throws Exception {
        String run = "page-" + UUID.randomUUID().toString().substring(0, 8);
        try (PageBrowser page = PageBrowser.open(); Events events = new Events(infra.bootstrapServers())) {
            ChromeDriver browser = page.driver();
            page.load(a.baseUrl() + "/");
            awaitState(browser, "live");

            ChangeEvent first = Events.catalog(run, "created", 0);
            events.send(first);
            awaitShown(browser, first);

            a.stop(); // the replica the page is connected to goes away
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !"live".equals(state(browser)));
            ChangeEvent whileDown = Events.catalog(run, "updated", 1);
            events.send(whileDown); // replica b ingests it meanwhile
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> given().baseUri(b.baseUrl())
                    .queryParam("subject", run).get("/feed").jsonPath().getList("items").size() == 2);
            a.start(); // same port: EventSource reconnects with Last-Event-ID

            awaitShown(browser, whileDown);
            awaitState(browser, "live");
            ChangeEvent afterRestart = Events.summit(run, "created", 0);
            events.send(afterRestart);
            awaitShown(browser, afterRestart);

            for (ChangeEvent event : List.of(first, whileDown, afterRestart)) {
                assertEquals(1, browser.findElements(By.cssSelector("li[data-id='" + event.id() + "']")).size(),
                        "shown exactly once: " + event.id());
            }
            List<String> positions = browser.findElements(By.cssSelector("#changes li")).stream()
                    .map(li -> li.getDomAttribute("data-position")).toList();
            assertEquals(positions.stream().distinct().count(), positions.size(), "no duplicate positions");
            assertEquals(positions.stream().sorted(Comparator.comparingLong((String p) -> Long.parseLong(p)).reversed()).toList(),
                    positions, "newest on top");

            // Click an entity: its history opens beside the list.
            browser.findElement(By.cssSelector("li[data-id='" + whileDown.id() + "'] .entity")).click();
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> browser.findElements(By.cssSelector("#history-list li")).size() == 2);
            assertFalse(browser.findElement(By.id("history")).getDomAttribute("hidden") != null);
            assertTrue(Files.size(page.screenshot("live-page-replicas")) > 0);

            // The type filter takes the API's prefix syntax (a trailing '*'), as /feed and /feed/stream do.
            WebElement type = browser.findElement(By.id("type"));
            type.clear();
            type.sendKeys("summit.*");
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                List<WebElement> shown = browser.findElements(By.cssSelector("#changes li"));
                return !shown.isEmpty() && shown.stream().allMatch(li -> String.valueOf(li.getDomAttribute("class")).contains("summit"))
                        && !browser.findElements(By.cssSelector("li[data-id='" + afterRestart.id() + "']")).isEmpty();
            });
            assertEquals(List.of(), page.consoleErrors().stream()
                    .filter(e -> !e.contains("/feed/stream")).toList(), "only the stream's own outage is logged");
        }
    }

    private static String state(ChromeDriver browser) {
        return browser.findElement(By.id("connection")).getDomAttribute("data-state");
    }

    private static void awaitState(ChromeDriver browser, String wanted) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> wanted.equals(state(browser)));
    }

    private static void awaitShown(ChromeDriver browser, ChangeEvent event) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            List<WebElement> found = browser.findElements(By.cssSelector("li[data-id='" + event.id() + "']"));
            return !found.isEmpty();
        });
    }
}
