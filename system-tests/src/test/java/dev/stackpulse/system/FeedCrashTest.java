package dev.stackpulse.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackpulse.events.ChangeEvent;
import dev.stackpulse.events.Topics;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Fault 2: feed-service is SIGKILLed while it consumes a burst; after a restart every event is there once. */
class FeedCrashTest {

    private static final int EVENTS = 20_000;

    private final SystemStack stack = SystemStack.get();

    @Test
    void killedMidIngestLosesNothingAndDuplicatesNothing() throws Exception {
        long head = head();
        List<ChangeEvent> sent = new ArrayList<>();
        try (KafkaProducer<String, String> producer = Events.producer(stack.infra.bootstrapServers())) {
            for (int i = 0; i < EVENTS; i++) {
                boolean catalog = i % 2 == 0;
                ChangeEvent event = Events.change(catalog ? "/catalog-service" : "/summit-service",
                        catalog ? "catalog.project.updated" : "summit.summit.updated", "fc-" + (i % 60), i / 60);
                producer.send(Events.record(catalog ? Topics.CATALOG : Topics.SUMMIT, event));
                sent.add(event);
            }
            producer.flush();
        }
        // Kill at the first sign of ingest: one cheap page after the head the feed had before the burst.
        Awaitility.await("ingest under way").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> !given().baseUri(stack.feed.baseUrl()).queryParam("after", head)
                        .queryParam("limit", 1).get("/feed").jsonPath().getList("items").isEmpty());
        stack.feed.kill();
        long storedAtKill = storedInDatabase();
        stack.feed.start();

        Awaitility.await("all events stored after restart").atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofSeconds(1)).until(() -> storedInDatabase() >= EVENTS);
        List<FeedEntries.Entry> stored = FeedEntries.withSubjectPrefix(stack.feed.baseUrl(), "fc-");
        Map<String, FeedEntries.Entry> byId = Events.byId(stored);
        long lost = sent.stream().filter(e -> !byId.containsKey(e.id().toString())).count();
        long duplicates = Events.duplicates(stored);
        System.out.printf("feed crash: events=%d stored-at-kill=%d stored=%d lost=%d duplicates=%d%n", EVENTS,
                storedAtKill, stored.size(), lost, duplicates);
        assertTrue(storedAtKill < EVENTS, "the kill happened mid-ingest");
        assertEquals(0, lost, "lost");
        assertEquals(0, duplicates, "duplicates");
    }

    private long head() {
        return given().baseUri(stack.feed.baseUrl()).get("/feed/stats").then().statusCode(200).extract()
                .jsonPath().getLong("head");
    }

    private long storedInDatabase() throws Exception {
        try (Connection db = DriverManager.getConnection(stack.infra.jdbcUrl("feed"), "stackpulse", "stackpulse");
             Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM feed_entry WHERE subject LIKE 'fc-%'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
