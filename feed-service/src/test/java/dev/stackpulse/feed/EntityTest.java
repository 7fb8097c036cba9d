package dev.stackpulse.feed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackpulse.events.ChangeEvent;
import dev.stackpulse.events.CloudEventHeaders;
import dev.stackpulse.events.Topics;
import dev.stackpulse.testing.ManagementRequests;
import dev.stackpulse.testing.SharedInfra;
import dev.stackpulse.testing.TopicReader;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Per-entity state: order kept, stale versions recorded but never applied; bad records dead-lettered. */
@QuarkusTest
class EntityTest {

    /** Metrics answer on the management port only. */
    @TestHTTPResource(value = "", management = true)
    URL management;

    @Test
    void changesOfOneEntityKeepTheirOrderAndTheLatestStateIsTheNewest() {
        String subject = "order-" + UUID.randomUUID();
        try (Events events = new Events(SharedInfra.infra().bootstrapServers())) {
            for (int version = 0; version < 5; version++) {
                events.send(Events.catalog(subject, version == 0 ? "created" : "updated", version));
            }
        }
        JsonPath history = awaitHistory("catalog-service", subject, 5);
        assertEquals(List.of(0, 1, 2, 3, 4), history.getList("items.entityversion", Integer.class));
        List<Long> positions = history.getList("items.position", Long.class);
        assertEquals(positions.stream().sorted().toList(), positions, "history is in feed order");
        given().get("/feed/entities/catalog-service/{subject}", subject).then().statusCode(200)
                .header("ETag", "\"4\"").body("version", equalTo(4)).body("data.version", equalTo(4))
                .body("type", equalTo("catalog.project.updated"));
        given().header("If-None-Match", "\"4\"").get("/feed/entities/catalog-service/{subject}", subject)
                .then().statusCode(304);
    }

    @Test
    void historyIsTheListEnvelopeAndAWalkWithLimitTwoSeesEveryChangeOnce() {
        String subject = "walk-" + UUID.randomUUID();
        try (Events events = new Events(SharedInfra.infra().bootstrapServers())) {
            for (int version = 0; version < 5; version++) {
                events.send(Events.catalog(subject, version == 0 ? "created" : "updated", version));
            }
        }
        awaitHistory("catalog-service", subject, 5);
        List<Integer> versions = new java.util.ArrayList<>();
        String link = "/feed/entities/catalog-service/" + subject + "/history?limit=2";
        int pages = 0;
        while (link != null && pages++ < 10) {
            var page = given().urlEncodingEnabled(false).get(link).then().statusCode(200).body("limit", equalTo(2))
                    .extract();
            versions.addAll(page.jsonPath().getList("items.entityversion", Integer.class));
            String next = page.jsonPath().getString("next");
            assertEquals(next == null ? null : "<" + next + ">; rel=\"next\"", page.header("Link"),
                    "a Link header exactly when next is not null");
            link = next;
        }
        assertEquals(List.of(0, 1, 2, 3, 4), versions);
        assertEquals(3, pages, "2 + 2 + 1: the last page says next null");
        given().get("/feed/entities/catalog-service/{subject}/history", subject).then().statusCode(200)
                .body("limit", equalTo(50)).body("next", org.hamcrest.Matchers.nullValue());
        given().queryParam("after", "abc").get("/feed/entities/catalog-service/{subject}/history", subject).then()
                .statusCode(400).body("type", equalTo("/problems/invalid-parameter"))
                .body("errors[0].field", equalTo("after"));
    }

    @Test
    void anUnknownParameterOnAnEntityIsRefused() {
        given().queryParam("verison", 3).get("/feed/entities/catalog-service/nova").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("/problems/unknown-parameter"))
                .body("errors[0].field", equalTo("verison"));
    }

    @Test
    void anOlderVersionIsRecordedInHistoryButDoesNotRollTheStateBack() {
        String subject = "stale-" + UUID.randomUUID();
        try (Events events = new Events(SharedInfra.infra().bootstrapServers())) {
            events.send(Events.summit(subject, "updated", 7));
            events.send(Events.summit(subject, "updated", 3)); // replayed / out of order
        }
        JsonPath history = awaitHistory("summit-service", subject, 2);
        assertEquals(List.of(7, 3), history.getList("items.entityversion", Integer.class));
        assertEquals(List.of(false, true), history.getList("items.stale", Boolean.class));
        given().get("/feed/entities/summit-service/{subject}", subject).then().statusCode(200)
                .body("version", equalTo(7)).body("data.version", equalTo(7));
    }

    @Test
    void unknownEntityIsNotFound() {
        given().get("/feed/entities/catalog-service/never-seen").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/feed/entities/catalog-service/never-seen/history").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void invalidRecordsGoToTheDeadLetterTopicWithTheReasonAndTheConsumerKeepsGoing() {
        long before = given().get("/feed/stats").then().statusCode(200).extract().jsonPath().getLong("deadLettered");
        String subject = "dlq-" + UUID.randomUUID();
        ChangeEvent notJson = Events.catalog(subject, "updated", 1);
        try (TopicReader deadLetters = TopicReader.fromNow(Topics.DEAD_LETTER);
             Events events = new Events(SharedInfra.infra().bootstrapServers())) {
            events.send(new ProducerRecord<>(Topics.CATALOG, null, subject, "{\"slug\":", CloudEventHeaders.write(notJson)));
            RecordHeaders noId = new RecordHeaders();
            noId.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
            events.send(new ProducerRecord<>(Topics.CATALOG, null, subject, "{}", noId));
            ChangeEvent good = Events.catalog(subject, "created", 2);
            events.send(good); // same key, same partition: after the bad ones

            List<ConsumerRecord<String, String>> dead = deadLetters.awaitRecords(
                    r -> subject.equals(r.key()), 2, Duration.ofSeconds(30));
            List<String> reasons = dead.stream().map(r -> header(r, "dead-letter-reason")).toList();
            assertTrue(reasons.contains("data is not JSON"), reasons.toString());
            assertTrue(reasons.stream().anyMatch(r -> r.contains("ce_id")), reasons.toString());
            awaitHistory("catalog-service", subject, 1);
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> given().get("/feed/stats").then()
                .extract().jsonPath().getLong("deadLettered") >= before + 2);
        String metrics = ManagementRequests.given(management).get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("feed_dead_lettered_total"), "dead-letter counter exported");
        assertTrue(metrics.contains("feed_events_ingested_total"), "ingest counter exported");
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    static JsonPath awaitHistory(String source, String subject, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            var response = given().get("/feed/entities/{source}/{subject}/history", source, subject);
            return response.statusCode() == 200 && response.jsonPath().getList("items").size() >= count;
        });
        return given().get("/feed/entities/{source}/{subject}/history", source, subject).then().statusCode(200)
                .extract().jsonPath();
    }
}
