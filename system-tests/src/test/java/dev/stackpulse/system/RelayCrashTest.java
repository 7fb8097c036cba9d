package dev.stackpulse.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackpulse.events.Topics;
import dev.stackpulse.testing.TopicReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Fault 3: the relay published but did not mark as sent; the re-publish is absorbed by the feed. */
class RelayCrashTest {

    private final SystemStack stack = SystemStack.get();
    private final Writes writes = new Writes(stack);

    /** Exactly the window "published, not yet marked": clear published_at of events Kafka already has. */
    @Test
    void republishedEventsAppearOnceInTheFeed() throws Exception {
        List<String> slugs = IntStream.range(0, 50).mapToObj(i -> "rc-" + i).toList();
        try (TopicReader topic = TopicReader.fromNow(Topics.CATALOG)) {
            slugs.forEach(slug -> writes.createProject(slug).then().statusCode(201));
            topic.awaitRecords(r -> r.key().startsWith("rc-"), slugs.size(), Duration.ofSeconds(60));

            int reset;
            try (Connection db = DriverManager.getConnection(stack.infra.jdbcUrl("catalog"), "stackpulse",
                    "stackpulse");
                 PreparedStatement clear = db.prepareStatement(
                         "UPDATE outbox_event SET published_at = NULL WHERE subject LIKE 'rc-%'")) {
                reset = clear.executeUpdate();
            }
            List<ConsumerRecord<String, String>> published = topic.awaitRecords(r -> r.key().startsWith("rc-"),
                    2 * slugs.size(), Duration.ofSeconds(60));

            Awaitility.await("feed caught up").atMost(Duration.ofSeconds(60)).until(() ->
                    FeedEntries.withSubjectPrefix(stack.feed.baseUrl(), "rc-").size() >= slugs.size());
            // the feed has committed every record, re-published copies included
            ConsumerLag.awaitCaughtUp(stack.infra.bootstrapServers(), "feed-service", Topics.CATALOG,
                    Duration.ofSeconds(60));
            List<FeedEntries.Entry> stored = FeedEntries.withSubjectPrefix(stack.feed.baseUrl(), "rc-");
            Set<String> subjects = stored.stream().map(FeedEntries.Entry::subject).collect(Collectors.toSet());
            long lost = slugs.stream().filter(s -> !subjects.contains(s)).count();
            long duplicates = Events.duplicates(stored);
            System.out.printf("relay crash (simulated): writes=%d reset=%d published=%d in-feed=%d lost=%d "
                    + "duplicates=%d%n", slugs.size(), reset, published.size(), stored.size(), lost, duplicates);
            assertEquals(slugs.size(), reset);
            assertTrue(published.size() >= 2 * slugs.size(), "each event was published twice");
            assertEquals(0, lost, "lost");
            assertEquals(0, duplicates, "duplicates");
            assertEquals(slugs.size(), stored.size());
        }
    }

    /** The real thing: SIGKILL catalog-service while it writes and publishes, restart it, compare. */
    @Test
    void killedProducerLosesNoAcknowledgedWrite() {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            for (int i = 0; !stop.get(); i++) {
                String slug = "rk-" + i;
                try {
                    if (writes.createProject(slug).statusCode() == 201) {
                        acknowledged.add(slug);
                    }
                } catch (RuntimeException connectionRefused) {
                    return; // the service died under us: that request was not acknowledged
                }
            }
        });
        writer.start();
        Awaitility.await("writes under way").atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= 100);
        stack.catalog.kill();
        stop.set(true);
        joinQuietly(writer);
        stack.catalog.start();

        Awaitility.await("every acknowledged write in the feed").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1)).until(() -> FeedEntries.withSubjectPrefix(
                        stack.feed.baseUrl(), "rk-").stream().map(FeedEntries.Entry::subject)
                        .collect(Collectors.toSet()).containsAll(acknowledged));
        List<FeedEntries.Entry> stored = FeedEntries.withSubjectPrefix(stack.feed.baseUrl(), "rk-");
        Map<String, Long> perSubject = stored.stream()
                .collect(Collectors.groupingBy(FeedEntries.Entry::subject, Collectors.counting()));
        long lost = acknowledged.stream().filter(s -> !perSubject.containsKey(s)).count();
        long duplicates = Events.duplicates(stored) + perSubject.values().stream().filter(n -> n > 1).count();
        System.out.printf("relay crash (SIGKILL): acknowledged=%d in-feed=%d lost=%d duplicates=%d%n",
                acknowledged.size(), stored.size(), lost, duplicates);
        assertEquals(0, lost, "lost");
        assertEquals(0, duplicates, "duplicates");
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
