package dev.stackpulse.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Fault 7: each service is restarted in turn (SIGTERM, then started again) while writers write and subscribers
 * stream. Every acknowledged write reaches the feed once, every subscriber resumes and receives each of them once, in
 * order, and the feed ends its live streams on shutdown with a last comment rather than a cut connection.
 */
class RollingRestartTest {

    private static final int SUBSCRIBERS = 3;
    private static final int WRITES_BETWEEN_RESTARTS = 20;

    private final SystemStack stack = SystemStack.get();
    private final Writes writes = new Writes(stack);

    @Test
    void restartingEachServiceUnderLoadLosesNothingAndEverySubscriberResumes() throws Exception {
        long head = given().baseUri(stack.feed.baseUrl()).get("/feed/stats").then().statusCode(200).extract()
                .jsonPath().getLong("head");
        List<FeedSubscriber> subscribers = new ArrayList<>();
        for (int i = 0; i < SUBSCRIBERS; i++) {
            subscribers.add(new FeedSubscriber(stack.feed.baseUrl(), head));
        }
        StreamEnd streamEnd = new StreamEnd(stack.feed.baseUrl() + "/feed/stream?after=" + head);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger notAcknowledged = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            for (int i = 0; !stop.get(); i++) {
                write("rr-p-" + i, true, acknowledged, notAcknowledged);
                write("rr-s-" + i, false, acknowledged, notAcknowledged);
            }
        }, "rolling-restart-writer");
        writer.start();
        try {
            for (ServiceProcess service : List.of(stack.catalog, stack.summit, stack.feed)) {
                awaitMoreWrites(acknowledged);
                service.stop();
                service.start();
            }
            awaitMoreWrites(acknowledged);
        } finally {
            stop.set(true);
            writer.join();
        }

        Awaitility.await("every acknowledged write in the feed").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1)).until(() -> feedSubjects().containsAll(acknowledged));
        List<FeedEntries.Entry> entries = FeedEntries.withSubjectPrefix(stack.feed.baseUrl(), "rr-");
        long duplicates = Events.duplicates(entries);
        for (FeedSubscriber subscriber : subscribers) {
            Awaitility.await("a subscriber has every acknowledged write").atMost(Duration.ofSeconds(60))
                    .until(() -> subscriber.subjects().containsAll(acknowledged));
        }
        System.out.printf("rolling restart: writes=%d not-acknowledged=%d feed-entries=%d duplicates=%d "
                        + "subscriber-events=%s%n", acknowledged.size(), notAcknowledged.get(), entries.size(),
                duplicates, subscribers.stream().map(s -> s.positions().size()).toList());
        assertEquals(0, duplicates, "duplicates in the feed");
        assertEquals(acknowledged.size(), entries.size(), "one feed entry per acknowledged write");
        for (FeedSubscriber subscriber : subscribers) {
            List<Long> positions = subscriber.positions();
            for (int i = 1; i < positions.size(); i++) {
                assertTrue(positions.get(i) > positions.get(i - 1),
                        "a subscriber got position " + positions.get(i) + " after " + positions.get(i - 1));
            }
            subscriber.close();
        }
        assertTrue(streamEnd.endedWith(": shutting down, reconnect"),
                "the feed's shutdown ended the stream with a last comment; the last lines: " + streamEnd.lastLines());
    }

    private void write(String slug, boolean project, Set<String> acknowledged, AtomicInteger notAcknowledged) {
        try {
            int status = (project ? writes.createProject(slug) : writes.createSummit(slug)).statusCode();
            if (status == 201) {
                acknowledged.add(slug);
            } else {
                notAcknowledged.incrementAndGet();
            }
        } catch (Exception serviceDown) { // RestAssured rethrows the checked ConnectException undeclared
            notAcknowledged.incrementAndGet();
        }
    }

    private static void awaitMoreWrites(Set<String> acknowledged) {
        int before = acknowledged.size();
        Awaitility.await("writes acknowledged").atMost(Duration.ofSeconds(60))
                .until(() -> acknowledged.size() >= before + WRITES_BETWEEN_RESTARTS);
    }

    private Set<String> feedSubjects() {
        return FeedEntries.withSubjectPrefix(stack.feed.baseUrl(), "rr-").stream().map(FeedEntries.Entry::subject)
                .collect(Collectors.toSet());
    }

    /** Reads one stream's raw lines until the server ends it: how did it end? */
    private static final class StreamEnd {

        private final List<String> lines = new ArrayList<>();
        private final Thread reader;

        StreamEnd(String url) throws IOException {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setRequestProperty("Accept", "text/event-stream");
            connection.setReadTimeout(0);
            assertEquals(200, connection.getResponseCode());
            reader = new Thread(() -> read(connection), "stream-end-reader");
            reader.setDaemon(true);
            reader.start();
        }

        private void read(HttpURLConnection connection) {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (!line.isEmpty()) {
                        synchronized (lines) {
                            lines.add(line);
                        }
                    }
                }
            } catch (IOException cut) {
                synchronized (lines) {
                    lines.add("(cut: " + cut.getMessage() + ")");
                }
            }
        }

        boolean endedWith(String lastLine) throws InterruptedException {
            reader.join(Duration.ofSeconds(30).toMillis());
            synchronized (lines) {
                return !reader.isAlive() && !lines.isEmpty() && lines.get(lines.size() - 1).equals(lastLine);
            }
        }

        List<String> lastLines() {
            synchronized (lines) {
                return List.copyOf(lines.subList(Math.max(0, lines.size() - 3), lines.size()));
            }
        }
    }
}
