package dev.stackpulse.feed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackpulse.events.ChangeEvent;
import dev.stackpulse.feed.entry.FeedResource;
import dev.stackpulse.feed.ingest.EventStore;
import dev.stackpulse.feed.ingest.EventStore.Outcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The set-based batch store: one poll with redeliveries and out-of-order versions of one entity keeps every
 * per-event guarantee; the counts /feed/stats serves follow inserts and deletes; a conditional GET that matches
 * reads no page; a type the replica has not seen yet is found by a type filter.
 */
@QuarkusTest
class BatchIngestTest {

    @Inject
    EventStore store;

    @Inject
    MeterRegistry registry;

    @Inject
    EntityManager em;

    @Test
    void oneBatchWithDuplicatesAndAnOlderVersionKeepsEveryGuarantee() {
        String subject = "batch-" + UUID.randomUUID();
        String other = subject + "-other";
        ChangeEvent stored = Events.catalog(subject, "created", 1);
        assertEquals(List.of(Outcome.STORED), store.storeAll(List.of(stored)));

        ChangeEvent v3 = Events.catalog(subject, "updated", 3);
        ChangeEvent v2 = Events.catalog(subject, "updated", 2);
        ChangeEvent v3Again = Events.catalog(subject, "updated", 3);
        ChangeEvent v4 = Events.catalog(subject, "updated", 4);
        ChangeEvent elsewhere = Events.catalog(other, "created", 7);
        // In one poll: a redelivery of what is stored, a new version, the same event twice, an older version, a
        // second event with the stored version, another entity, a newer version.
        List<Outcome> outcomes = store.storeAll(List.of(stored, v3, v3, v2, v3Again, elsewhere, v4));
        assertEquals(List.of(Outcome.DUPLICATE, Outcome.STORED, Outcome.DUPLICATE, Outcome.STALE, Outcome.STALE,
                Outcome.STORED, Outcome.STORED), outcomes);

        JsonPath history = given().get("/feed/entities/catalog-service/" + subject + "/history?limit=500")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(stored.id().toString(), v3.id().toString(), v2.id().toString(), v3Again.id().toString(),
                v4.id().toString()), history.getList("items.id"));
        assertEquals(List.of(false, false, true, true, false), history.getList("items.stale"));
        List<Long> positions = history.getList("items.position", Long.class);
        for (int i = 1; i < positions.size(); i++) {
            assertTrue(positions.get(i) > positions.get(i - 1), "positions follow the batch order: " + positions);
        }
        given().get("/feed/entities/catalog-service/" + subject).then().statusCode(200)
                .body("version", equalTo(4)).body("position", equalTo(positions.get(4).intValue()));
        given().get("/feed/entities/catalog-service/" + other).then().statusCode(200).body("version", equalTo(7));

        // A later batch with an older version only never moves the state back.
        assertEquals(List.of(Outcome.STALE), store.storeAll(List.of(Events.catalog(subject, "updated", 1))));
        given().get("/feed/entities/catalog-service/" + subject).then().body("version", equalTo(4));
    }

    @Test
    void aRedeliveryInsideABatchSpendsNoPosition() {
        String subject = "gap-free-" + UUID.randomUUID();
        ChangeEvent stored = Events.catalog(subject, "created", 1);
        store.storeAll(List.of(stored));
        ChangeEvent v2 = Events.catalog(subject, "updated", 2);
        ChangeEvent v3 = Events.catalog(subject, "updated", 3);
        ChangeEvent v4 = Events.catalog(subject, "updated", 4);
        // Between new events of one batch: a redelivery of a stored event and the same event twice.
        assertEquals(List.of(Outcome.STORED, Outcome.DUPLICATE, Outcome.STORED, Outcome.DUPLICATE, Outcome.STORED),
                store.storeAll(List.of(v2, stored, v3, v3, v4)));
        List<Long> positions = given().get("/feed/entities/catalog-service/" + subject + "/history")
                .then().statusCode(200).extract().jsonPath().getList("items.position", Long.class);
        long v2Position = positions.get(1);
        assertEquals(List.of(v2Position, v2Position + 1, v2Position + 2), positions.subList(1, 4),
                "one batch's new events get consecutive positions: a skipped duplicate spends none");
    }

    @Test
    void statsCountsFollowInsertsAndDeletes() {
        String type = "catalog.counted" + UUID.randomUUID().toString().replace("-", "") + ".updated";
        ChangeEvent a = event("counted-a", type, 1);
        ChangeEvent b = event("counted-b", type, 1);
        store.storeAll(List.of(a, b));
        assertEquals(2, countOf(type));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM feed_entry WHERE event_id = ?1")
                .setParameter(1, a.id()).executeUpdate());
        assertEquals(1, countOf(type));
        // The whole feed too (the consumer may still be storing other tests' events: compare once it is idle).
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ((Number) QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("SELECT COUNT(*) FROM feed_entry").getSingleResult())).longValue()
                == given().get("/feed/stats").jsonPath().getLong("entries"));
    }

    @Test
    void matchingConditionalGetReadsNoPage() {
        store.storeAll(List.of(Events.catalog("conditional-" + UUID.randomUUID(), "created", 1)));
        long head = given().get("/feed/stats").jsonPath().getLong("head");
        String[] tag = new String[1];
        // Repeated until no other test's event arrives in between (a new head rightly means reading the page).
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            double before = pageReads();
            tag[0] = given().queryParam("after", head - 1).get("/feed").then().statusCode(200)
                    .extract().header("ETag");
            double reads = pageReads();
            assertTrue(reads > before, "a 200 page is a page read");
            given().queryParam("after", head - 1).header("If-None-Match", tag[0]).get("/feed").then()
                    .statusCode(304).header(FeedResource.POLL_INTERVAL, "5").header("ETag", tag[0]);
            assertEquals(reads, pageReads(), "a 304 from the feed's state reads no page");
        });

        store.storeAll(List.of(Events.catalog("conditional-" + UUID.randomUUID(), "created", 1)));
        given().queryParam("after", head - 1).header("If-None-Match", tag[0]).get("/feed").then().statusCode(200);
    }

    @Test
    void aTypeFilterFindsATypeStoredAfterThePairsWereRead() {
        String prefix = "catalog.fresh" + UUID.randomUUID().toString().replace("-", "");
        // Reads (and caches) the pairs that exist: none matches yet.
        given().queryParam("type", prefix + ".*").get("/feed").then().statusCode(200).body("items", hasSize(0));
        ChangeEvent fresh = event("fresh", prefix + ".created", 1);
        store.storeAll(List.of(fresh));
        given().queryParam("type", prefix + ".*").get("/feed").then().statusCode(200)
                .body("items.id", equalTo(List.of(fresh.id().toString())));
        given().queryParam("type", prefix + ".created").queryParam("source", "catalog-service").get("/feed").then()
                .statusCode(200).body("items.id", equalTo(List.of(fresh.id().toString())));
    }

    private static ChangeEvent event(String subject, String type, long version) {
        return new ChangeEvent(UUID.randomUUID(), "/catalog-service", type, subject + "-" + UUID.randomUUID(),
                OffsetDateTime.now(ZoneOffset.UTC), version, "{\"v\":" + version + "}");
    }

    private static long countOf(String type) {
        List<Long> counts = given().get("/feed/stats").jsonPath()
                .getList("counts.findAll { it.type == '" + type + "' }.count", Long.class);
        return counts.isEmpty() ? 0 : counts.get(0);
    }

    private double pageReads() {
        return registry.counter("feed.page.reads").count();
    }
}
