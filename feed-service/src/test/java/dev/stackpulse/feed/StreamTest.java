package dev.stackpulse.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackpulse.events.ChangeEvent;
import dev.stackpulse.testing.SharedInfra;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** GET /feed/stream: live delivery, resume with Last-Event-ID after a dropped connection, filters, heartbeat. */
@QuarkusTest
class StreamTest {

    @TestHTTPResource("/feed/stream")
    URL stream;

    @Test
    void resumesAfterADroppedConnectionWithNothingMissedAndNothingTwice() throws Exception {
        String subject = "sse-" + UUID.randomUUID();
        List<String> produced = new ArrayList<>();
        List<SseClient.Event> received = new ArrayList<>();
        try (Events events = new Events(SharedInfra.infra().bootstrapServers())) {
            SseClient first = new SseClient(stream + "?subject=" + subject + "&after=0", Map.of());
            assertEquals(200, first.status());
            assertTrue(first.contentType().startsWith("text/event-stream"), first.contentType());
            for (int v = 0; v < 3; v++) {
                produced.add(send(events, Events.catalog(subject, "updated", v)));
            }
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> first.events().size() == 3);
            received.addAll(first.events());
            first.close(); // the connection drops

            for (int v = 3; v < 6; v++) {
                produced.add(send(events, Events.catalog(subject, "updated", v)));
            }
            String lastEventId = received.get(received.size() - 1).id();
            // The URL still says after=0 (as EventSource's would); Last-Event-ID wins.
            SseClient resumed = new SseClient(stream + "?subject=" + subject + "&after=0",
                    Map.of("Last-Event-ID", lastEventId));
            try (resumed) {
                for (int v = 6; v < 8; v++) {
                    produced.add(send(events, Events.catalog(subject, "updated", v)));
                }
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> resumed.events().size() >= 5);
                received.addAll(resumed.events());
            }
        }
        List<String> ids = received.stream().map(e -> JsonPath.from(e.data()).getString("id")).toList();
        assertEquals(produced, ids, "every change once, in order");
        List<Long> positions = received.stream().map(e -> Long.parseLong(e.id())).toList();
        assertEquals(positions.stream().sorted().distinct().toList(), positions);
        assertEquals(positions, received.stream().map(e -> JsonPath.from(e.data()).getLong("position")).toList(),
                "id: is the feed position");
        for (SseClient.Event e : received) {
            String time = JsonPath.from(e.data()).getString("time");
            assertTrue(time.matches(FeedQueryTest.RFC3339), "SSE data in the one time shape: " + time);
        }
    }

    @Test
    void liveStreamAppliesFiltersAndSendsHeartbeats() throws Exception {
        String tag = "live-" + UUID.randomUUID().toString().substring(0, 8);
        try (SseClient client = new SseClient(stream + "?type=summit.*&source=summit-service", Map.of());
             Events events = new Events(SharedInfra.infra().bootstrapServers())) {
            events.send(Events.catalog(tag, "created", 0));
            ChangeEvent wanted = Events.summit(tag, "created", 0);
            events.send(wanted);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> client.events().stream()
                    .anyMatch(e -> e.data().contains(wanted.id().toString())));
            assertTrue(client.events().stream().noneMatch(e -> e.data().contains("/catalog-service")),
                    "catalog events are filtered out");
            // %test heartbeat is 1s: an idle connection gets ': heartbeat' comments.
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> client.comments().contains("heartbeat"));
        }
    }

    @Test
    void malformedLastEventIdIsAProblem() throws Exception {
        SseClient client = new SseClient(stream.toString(), Map.of("Last-Event-ID", "yesterday"));
        try (client) {
            assertEquals(400, client.status());
            assertTrue(client.contentType().startsWith("application/problem+json"), client.contentType());
            assertTrue(client.errorBody().contains("Last-Event-ID"));
        }
    }

    @Test
    void theStreamTakesTheFeedsFiltersThroughTheSameParsing() throws Exception {
        for (String query : List.of("?type=catalog.*.updated", "?until=yesterday", "?since=2015-10-27", "?limit=5")) {
            try (SseClient client = new SseClient(stream + query, Map.of())) {
                assertEquals(400, client.status(), query);
                assertTrue(client.contentType().startsWith("application/problem+json"), query);
                String body = client.errorBody();
                String type = query.equals("?limit=5") ? "/problems/unknown-parameter" : "/problems/invalid-parameter";
                assertTrue(body.contains("\"type\":\"" + type + "\""), query + " -> " + body);
            }
        }
        try (SseClient client = new SseClient(stream + "?type=catalog.project.*&until=2999-01-01T00:00:00Z", Map.of())) {
            assertEquals(200, client.status());
        }
    }

    private static String send(Events events, ChangeEvent event) {
        events.send(event);
        return event.id().toString();
    }
}
