package dev.stackpulse.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackpulse.events.ChangeEvent;
import dev.stackpulse.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Fault 2: feed-service is SIGKILLed while it consumes a burst; after a restart every event is there once. */
class FeedCrashTest {

    private static final int EVENTS = 3000;

    private final SystemStack stack = SystemStack.get();

    @Test
    void killedMidIngestLosesNothingAndDuplicatesNothing() throws Exception {
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
        Awaitility.await("ingest under way").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> !FeedEntries.withSubjectPrefix(stack.feed.baseUrl(), "fc-").isEmpty());
        int beforeKill = FeedEntries.withSubjectPrefix(stack.feed.baseUrl(), "fc-").size();
        stack.feed.kill();
        stack.feed.start();

        Awaitility.await("all events stored after restart").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> FeedEntries.withSubjectPrefix(stack.feed.baseUrl(), "fc-").size() >= EVENTS);
        List<FeedEntries.Entry> stored = FeedEntries.withSubjectPrefix(stack.feed.baseUrl(), "fc-");
        Map<String, FeedEntries.Entry> byId = Events.byId(stored);
        long lost = sent.stream().filter(e -> !byId.containsKey(e.id().toString())).count();
        long duplicates = Events.duplicates(stored);
        System.out.printf("feed crash: events=%d stored-before-kill=%d stored=%d lost=%d duplicates=%d%n", EVENTS,
                beforeKill, stored.size(), lost, duplicates);
        assertTrue(beforeKill < EVENTS, "the kill happened mid-ingest");
        assertEquals(0, lost, "lost");
        assertEquals(0, duplicates, "duplicates");
    }
}
