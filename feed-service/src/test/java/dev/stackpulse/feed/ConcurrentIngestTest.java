package dev.stackpulse.feed;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackpulse.events.ChangeEvent;
import dev.stackpulse.testing.SharedInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Several producers write to every partition of both topics while a reader follows the cursor with
 * GET /feed?after=: the reader must see every event exactly once, and never a position below one it passed
 * (which is what a lower position committing after a higher one would look like).
 */
@QuarkusTest
class ConcurrentIngestTest {

    private static final int PRODUCERS = 4;
    private static final int PER_PRODUCER = 25;

    @Test
    void aReaderFollowingTheCursorSkipsNothingWhileBothTopicsAreIngestedConcurrently() throws Exception {
        String run = "conc-" + UUID.randomUUID().toString().substring(0, 8);
        long start = given().get("/feed/stats").then().statusCode(200).extract().jsonPath().getLong("head");
        Set<String> produced = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(PRODUCERS);
        List<Future<?>> producers = new ArrayList<>();
        try (Events events = new Events(SharedInfra.infra().bootstrapServers())) {
            for (int p = 0; p < PRODUCERS; p++) {
                int producer = p;
                producers.add(pool.submit(() -> {
                    for (int i = 0; i < PER_PRODUCER; i++) {
                        String subject = run + "-" + producer + "-" + (i % 6);
                        ChangeEvent event = (i + producer) % 2 == 0 ? Events.catalog(subject, "updated", i)
                                : Events.summit(subject, "updated", i);
                        produced.add(event.id().toString());
                        events.send(event, i % 3);
                    }
                }));
            }
            List<Long> seenPositions = new ArrayList<>();
            Set<String> seenIds = new HashSet<>();
            long cursor = start;
            long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
            while (seenIds.size() < PRODUCERS * PER_PRODUCER && System.nanoTime() < deadline) {
                JsonPath page = given().queryParam("after", cursor).queryParam("limit", 50).get("/feed").then()
                        .statusCode(200).extract().jsonPath();
                for (int i = 0; i < page.getList("items").size(); i++) {
                    long position = page.getLong("items[" + i + "].position");
                    String id = page.getString("items[" + i + "].id");
                    assertTrue(position > cursor, "position " + position + " appeared after the reader passed " + cursor);
                    seenPositions.add(position);
                    if (page.getString("items[" + i + "].subject").startsWith(run)) {
                        assertTrue(seenIds.add(id), "event " + id + " seen twice");
                    }
                    cursor = position;
                }
                assertEquals(cursor, FeedPages.nextAfter(page));
            }
            for (Future<?> f : producers) {
                f.get();
            }
            assertEquals(produced, seenIds, "the reader saw every produced event exactly once");
            assertEquals(seenPositions.stream().sorted().distinct().toList(), seenPositions);
            // Re-reading the same range later gives exactly what the reader saw: nothing committed below its cursor.
            assertEquals(seenPositions, positionsBetween(start, cursor));
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Long> positionsBetween(long after, long through) {
        List<Long> positions = new ArrayList<>();
        long cursor = after;
        while (true) {
            JsonPath page = given().queryParam("after", cursor).queryParam("limit", 500).get("/feed").then()
                    .statusCode(200).extract().jsonPath();
            List<Long> batch = page.getList("items.position", Long.class);
            for (long position : batch) {
                if (position > through) {
                    return positions;
                }
                positions.add(position);
            }
            if (batch.isEmpty()) {
                return positions;
            }
            cursor = FeedPages.nextAfter(page);
        }
    }
}
