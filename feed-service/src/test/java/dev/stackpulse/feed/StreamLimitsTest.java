package dev.stackpulse.feed;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackpulse.events.ChangeEvent;
import dev.stackpulse.feed.stream.StreamHub;
import dev.stackpulse.testing.SharedInfra;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The stream's memory and connection bounds (ConstrainedStreamProfile: a 1 MiB window, 512 KiB read pages, 4
 * subscribers): large entries never grow the window past its byte limit, yet every subscriber gets every event
 * in order; pages stay within their byte bound; connections past the limit get 503 with Retry-After.
 */
@QuarkusTest
@TestProfile(ConstrainedStreamProfile.class)
class StreamLimitsTest {

    private static final int EVENTS = 30;
    private static final int BLOB_CHARS = 150_000;

    @TestHTTPResource("/feed/stream")
    URL stream;

    @Inject
    StreamHub hub;

    @Test
    void largeEntriesStayWithinTheWindowBoundAndEverySubscriberGetsEveryEventInOrder() throws Exception {
        String subject = "big-" + UUID.randomUUID().toString().substring(0, 8);
        // The other test's connections may still be closing: this one needs 4 of the 4 slots.
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> hub.subscriberCount() == 0);
        long start = given().get("/feed/stats").jsonPath().getLong("head");
        List<String> produced = new ArrayList<>();
        List<SseClient> live = new ArrayList<>();
        try (Events events = new Events(SharedInfra.infra().bootstrapServers())) {
            for (int i = 0; i < 3; i++) {
                SseClient client = new SseClient(stream + "?subject=" + subject + "&after=" + start, Map.of());
                assertEquals(200, client.status());
                live.add(client);
            }
            for (int v = 1; v <= EVENTS; v++) {
                ChangeEvent event = large(subject, v);
                events.send(event);
                produced.add(event.id().toString());
            }
            for (SseClient client : live) {
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> client.events().size() >= EVENTS);
                assertEveryEventInOrder(produced, client);
            }
            // Connected after everything is stored: the whole replay comes from the database, page by page.
            try (SseClient late = new SseClient(stream + "?subject=" + subject + "&after=" + start, Map.of())) {
                assertEquals(200, late.status());
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> late.events().size() >= EVENTS);
                assertEveryEventInOrder(produced, late);
            }
        } finally {
            live.forEach(SseClient::close);
        }
        assertTrue(hub.windowBytesPeak() <= ConstrainedStreamProfile.WINDOW_BYTES,
                "window peaked at " + hub.windowBytesPeak() + " bytes");
        assertTrue(hub.windowBytes() <= ConstrainedStreamProfile.WINDOW_BYTES);

        // GET /feed pages stop at the page byte bound (well before limit=500), and following next reads them all.
        List<String> paged = new ArrayList<>();
        long cursor = start;
        int pages = 0;
        while (paged.size() < EVENTS && pages++ < EVENTS + 1) {
            JsonPath page = given().queryParam("subject", subject).queryParam("after", cursor)
                    .queryParam("limit", 500).get("/feed").then().statusCode(200).extract().jsonPath();
            List<String> ids = page.getList("items.id");
            assertTrue(ids.size() * 2L * BLOB_CHARS <= ConstrainedStreamProfile.PAGE_BYTES + 2L * BLOB_CHARS + 4096,
                    "a page of " + ids.size() + " large entries exceeds the page byte bound");
            paged.addAll(ids);
            cursor = FeedPages.nextAfter(page);
        }
        assertEquals(produced, paged);
        assertTrue(pages > 1, "large entries span several pages");
    }

    @Test
    void connectionsBeyondTheLimitGet503ProblemWithRetryAfter() throws Exception {
        // Clients of the other test are gone: the heartbeat (1 s in tests) finds their closed connections.
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> hub.subscriberCount() == 0);
        List<SseClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < ConstrainedStreamProfile.MAX_SUBSCRIBERS; i++) {
                SseClient client = new SseClient(stream.toString(), Map.of());
                clients.add(client);
                assertEquals(200, client.status());
            }
            try (SseClient refused = new SseClient(stream.toString(), Map.of())) {
                assertEquals(503, refused.status());
                assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
                assertEquals("7", refused.header("Retry-After"));
                JsonPath problem = JsonPath.from(refused.errorBody());
                assertEquals(503, problem.getInt("status"));
                assertTrue(problem.getString("detail").contains(Integer.toString(ConstrainedStreamProfile.MAX_SUBSCRIBERS)));
            }
            clients.remove(0).close();
            Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> hub.subscriberCount() < ConstrainedStreamProfile.MAX_SUBSCRIBERS);
            SseClient again = new SseClient(stream.toString(), Map.of());
            clients.add(again);
            assertEquals(200, again.status(), "a freed slot is usable again");
        } finally {
            clients.forEach(SseClient::close);
        }
    }

    private static ChangeEvent large(String subject, long version) {
        String blob = Long.toString(version).repeat(BLOB_CHARS / Long.toString(version).length() + 1)
                .substring(0, BLOB_CHARS);
        String data = "{\"slug\":\"" + subject + "\",\"name\":\"Project " + subject + "\",\"version\":" + version
                + ",\"blob\":\"" + blob + "\"}";
        return new ChangeEvent(UUID.randomUUID(), "/catalog-service", "catalog.project.updated", subject,
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS), version, data);
    }

    private static void assertEveryEventInOrder(List<String> produced, SseClient client) {
        List<SseClient.Event> received = client.events().stream().filter(e -> e.name() == null).toList();
        assertEquals(produced, received.stream().map(e -> JsonPath.from(e.data()).getString("id")).toList(),
                "every event once, in order");
        for (SseClient.Event e : received) {
            assertEquals(BLOB_CHARS, JsonPath.from(e.data()).getString("data.blob").length(), "data intact");
        }
    }
}
