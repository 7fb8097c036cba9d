package dev.stackpulse.feed;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackpulse.events.ChangeEvent;
import dev.stackpulse.feed.stream.StreamHub;
import dev.stackpulse.testing.SharedInfra;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.parsetools.RecordParser;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * 2,000 SSE subscribers stay connected while 1,000 events are produced: every subscriber gets every event exactly
 * once, in order. The clients run on a Vert.x instance of their own (two event loops, no thread per stream); one
 * that the server disconnects (slow, or a dropped connection) resumes with Last-Event-ID, as EventSource does.
 */
@QuarkusTest
class StreamFanOutTest {

    private static final int SUBSCRIBERS = 2000;
    private static final int EVENTS = 1000;

    @TestHTTPResource("/feed/stream")
    URL stream;

    @Inject
    StreamHub hub;

    @Test
    void twoThousandSubscribersGetEveryEventExactlyOnceInOrder() throws Exception {
        String subject = "fan-" + UUID.randomUUID().toString().substring(0, 8);
        long start = given().get("/feed/stats").jsonPath().getLong("head");
        List<ChangeEvent> events = new ArrayList<>();
        for (int v = 1; v <= EVENTS; v++) {
            events.add(Events.catalog(subject, "updated", v));
        }
        List<String> expected = events.stream().map(e -> e.id().toString()).toList();
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(30_000)
                .setKeepAlive(false), new PoolOptions().setHttp1MaxSize(SUBSCRIBERS + 100));
        Queue<String> errors = new ConcurrentLinkedQueue<>();
        List<Stream> streams = new ArrayList<>();
        try {
            int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
            // In waves of 100, so the connects queue neither at the accept backlog nor at the database pool.
            for (int i = 0; i < SUBSCRIBERS; i++) {
                Stream s = new Stream(i, client, stream.getPath() + "?subject=" + subject, start, expected, errors);
                streams.add(s);
                s.open();
                if (streams.size() % 100 == 0 || i == SUBSCRIBERS - 1) {
                    awaitConnected(streams, errors);
                }
            }
            assertTrue(errors.isEmpty(), () -> errors.stream().limit(10).toList().toString());
            System.out.printf("fan-out: %d streams open; JVM threads %d before, %d now (client and server)%n",
                    SUBSCRIBERS, threadsBefore, ManagementFactory.getThreadMXBean().getThreadCount());
            assertTrue(hub.subscriberCount() >= SUBSCRIBERS, "server counts " + hub.subscriberCount());

            try (Events producer = new Events(SharedInfra.infra().bootstrapServers())) {
                events.forEach(producer::send);
            }
            try {
                Awaitility.await("every event at every subscriber").atMost(Duration.ofSeconds(120))
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> streams.stream().allMatch(s -> s.received.get() >= EVENTS) || !errors.isEmpty());
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError(streams.stream().mapToLong(s -> s.received.get()).sum() + " of "
                        + (long) SUBSCRIBERS * EVENTS + " deliveries; errors " + errors, e);
            }
            assertTrue(errors.isEmpty(), () -> errors.stream().limit(10).toList().toString());
            for (Stream s : streams) {
                assertEquals(EVENTS, s.received.get(), "subscriber " + s.index);
            }
            // Nothing more arrives later (a duplicate would be counted past EVENTS and reported as an error).
            Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> errors.isEmpty() && streams.stream().allMatch(s -> s.received.get() == EVENTS));
            int resumed = streams.stream().mapToInt(s -> s.reconnects).sum();
            System.out.printf("fan-out: %d subscribers x %d events, %d resumes, %d slow disconnects%n", SUBSCRIBERS,
                    EVENTS, resumed, hub.slowDisconnects());
        } finally {
            streams.forEach(Stream::cancel);
            vertx.close(); // not awaited: a slow close must not hide the assertion that failed
        }
    }

    private void awaitConnected(List<Stream> streams, Queue<String> errors) {
        try {
            Awaitility.await("subscribers connected").atMost(Duration.ofSeconds(120))
                    .until(() -> streams.stream().allMatch(s -> s.connected) || !errors.isEmpty());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(streams.stream().filter(s -> s.connected).count() + " of " + streams.size()
                    + " connected; the server counts " + hub.subscriberCount() + "; errors " + errors, e);
        }
    }

    /** One subscriber: parses its events as they come and checks each against the expected sequence at once. */
    private final class Stream {
        final int index;
        final HttpClient client;
        final String path;
        final List<String> expected;
        final Queue<String> errors;
        final AtomicInteger received = new AtomicInteger();
        volatile boolean connected;
        volatile boolean cancelled;
        int reconnects;
        long lastPosition;
        io.vertx.core.http.HttpClientResponse response;
        // parser state, confined to the client's event loop
        String id;
        String data;

        Stream(int index, HttpClient client, String path, long start, List<String> expected, Queue<String> errors) {
            this.index = index;
            this.client = client;
            this.path = path;
            this.lastPosition = start;
            this.expected = expected;
            this.errors = errors;
        }

        void open() {
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(stream.getHost())
                    .setPort(stream.getPort()).setURI(path + "&after=" + lastPosition)
                    .addHeader("Accept", "text/event-stream");
            if (reconnects > 0) {
                options.addHeader("Last-Event-ID", Long.toString(lastPosition));
            }
            client.request(options).compose(request -> request.send()).onComplete(ar -> {
                if (ar.failed()) {
                    reopen("request failed: " + ar.cause());
                    return;
                }
                response = ar.result();
                if (response.statusCode() != 200) {
                    errors.add("subscriber " + index + ": status " + response.statusCode());
                    return;
                }
                connected = true;
                RecordParser lines = RecordParser.newDelimited("\n", line -> line(line.toString()));
                response.handler(lines);
                response.endHandler(v -> reopen("stream ended"));
                response.exceptionHandler(e -> reopen("stream failed: " + e));
            });
        }

        void reopen(String why) {
            if (!cancelled && received.get() < EVENTS) {
                reconnects++;
                if (reconnects > 20) {
                    errors.add("subscriber " + index + ": gave up after " + why);
                } else {
                    open();
                }
            }
        }

        void line(String line) {
            if (line.isEmpty()) {
                if (data != null) {
                    event(id, data);
                }
                id = null;
                data = null;
            } else if (line.startsWith("id: ")) {
                id = line.substring(4);
            } else if (line.startsWith("data: ")) {
                data = line.substring(6);
            }
        }

        void event(String position, String json) {
            int k = received.getAndIncrement();
            int at = json.indexOf("\"id\":\"");
            String eventId = at < 0 ? null : json.substring(at + 6, json.indexOf('"', at + 6));
            long p = Long.parseLong(position);
            if (k >= expected.size()) {
                errors.add("subscriber " + index + ": event " + eventId + " beyond the " + EVENTS + " produced");
            } else if (!expected.get(k).equals(eventId)) {
                errors.add("subscriber " + index + ": event #" + k + " is " + eventId + ", expected " + expected.get(k));
            } else if (p <= lastPosition) {
                errors.add("subscriber " + index + ": position " + p + " after " + lastPosition);
            }
            lastPosition = p;
        }

        void cancel() {
            cancelled = true;
            if (response != null) {
                response.request().reset();
            }
        }
    }
}
