package dev.stackpulse.feed;

import static dev.stackpulse.feed.RawRecords.headers;
import static dev.stackpulse.feed.RawRecords.utf8;
import static io.restassured.RestAssured.given;
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
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * One bad record never stalls a partition: each kind is produced raw to the real topic, then a good record with the
 * same key (same partition, after it). The good one is stored within seconds, the bad one is in feed.dead-letter
 * with its reason, health stays UP, and the feed gained nothing but the good one.
 */
@QuarkusTest
class PoisonRecordTest {

    /** Health answers on the management port only. */
    @TestHTTPResource(value = "", management = true)
    URL management;

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void aTypeLongerThanTheStoreTakesIsDeadLettered() {
        String key = key("longtype");
        ChangeEvent e = Events.catalog(key, "updated", 1);
        refusedThenGoodArrives(Topics.CATALOG, key, utf8(e.data()),
                headers(e, "ce_type", utf8("catalog." + "t".repeat(240) + ".updated")), "ce_type is 256 characters");
    }

    @Test
    void aSubjectLongerThanTheStoreTakesIsDeadLettered() {
        String key = key("longsubject");
        ChangeEvent e = Events.catalog(key, "updated", 1);
        refusedThenGoodArrives(Topics.CATALOG, key, utf8(e.data()), headers(e, "ce_subject", utf8("s".repeat(256))),
                "ce_subject is 256 characters");
    }

    @Test
    void aNulCharacterInTheDataIsDeadLettered() {
        String key = key("nul");
        ChangeEvent e = Events.catalog(key, "updated", 1);
        refusedThenGoodArrives(Topics.CATALOG, key, utf8("{\"slug\":\"a\\u0000b\"}"), CloudEventHeaders.write(e),
                "U+0000");
    }

    @Test
    void aTimeOutOfRangeIsDeadLettered() {
        String key = key("time");
        ChangeEvent e = Events.catalog(key, "updated", 1);
        refusedThenGoodArrives(Topics.CATALOG, key, utf8(e.data()),
                headers(e, "ce_time", utf8("+294277-01-01T00:00:00Z")), "ce_time is out of range");
    }

    @Test
    void dataTheDatabaseRefusesIsDeadLetteredAndTheRestOfTheBatchStored() {
        // Valid JSON that passes every check up front, but jsonb's numeric cannot hold it: only PostgreSQL says no.
        String key = key("dbrefuses");
        ChangeEvent e = Events.catalog(key, "updated", 1);
        refusedThenGoodArrives(Topics.CATALOG, key, utf8("{\"n\":1e1000000}"), CloudEventHeaders.write(e),
                "rejected by the database");
    }

    @Test
    void invalidUtf8InTheValueIsDeadLetteredNotReplaced() {
        String key = key("utf8value");
        ChangeEvent e = Events.catalog(key, "updated", 1);
        byte[] value = {'{', '"', 's', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        refusedThenGoodArrives(Topics.CATALOG, key, value, CloudEventHeaders.write(e), "data is not valid UTF-8");
    }

    @Test
    void invalidUtf8InAHeaderIsDeadLetteredNotReplaced() {
        String key = key("utf8header");
        ChangeEvent e = Events.catalog(key, "updated", 1);
        refusedThenGoodArrives(Topics.CATALOG, key, utf8(e.data()),
                headers(e, "ce_subject", new byte[] {'x', (byte) 0xFF, 'y'}), "header ce_subject is not valid UTF-8");
    }

    @Test
    void aRecordOverTheSizeCapIsDeadLettered() {
        String key = key("oversized");
        ChangeEvent e = Events.catalog(key, "updated", 1);
        String big = "{\"slug\":\"" + "x".repeat(300 * 1024) + "\"}";
        refusedThenGoodArrives(Topics.CATALOG, key, utf8(big), CloudEventHeaders.write(e),
                "more than the limit of 262144");
    }

    @Test
    void aForgedSourceIsDeadLettered() {
        String key = key("evilsource");
        ChangeEvent e = Events.catalog(key, "updated", 1);
        refusedThenGoodArrives(Topics.CATALOG, key, utf8(e.data()), headers(e, "ce_source", utf8("/evil-service")),
                "ce_source '/evil-service' is not accepted on catalog.events");
    }

    @Test
    void anotherServicesTypeOnATopicIsDeadLettered() {
        String key = key("wrongtype");
        ChangeEvent e = Events.catalog(key, "updated", 1);
        refusedThenGoodArrives(Topics.CATALOG, key, utf8(e.data()), headers(e, "ce_type", utf8("summit.summit.updated")),
                "ce_type 'summit.summit.updated' is not accepted on catalog.events");
    }

    @Test
    void aCatalogSourceOnTheSummitTopicIsDeadLettered() {
        String key = key("crosstopic");
        ChangeEvent e = Events.summit(key, "updated", 1);
        refusedThenGoodArrives(Topics.SUMMIT, key, utf8(e.data()), headers(e, "ce_source", utf8("/catalog-service")),
                "ce_source '/catalog-service' is not accepted on summit.events");
    }

    private static String key(String kind) {
        return "poison-" + kind + "-" + UUID.randomUUID();
    }

    /** Bad record, then a good one with the same key; asserts what the class comment promises. */
    void refusedThenGoodArrives(String topic, String key, byte[] badValue, Headers badHeaders, String reason) {
        long head = given().get("/feed/stats").then().statusCode(200).extract().jsonPath().getLong("head");
        ChangeEvent good = Topics.SUMMIT.equals(topic) ? Events.summit(key, "created", 2) : Events.catalog(key, "created", 2);
        try (TopicReader deadLetters = TopicReader.fromNow(Topics.DEAD_LETTER);
             RawRecords raw = new RawRecords(SharedInfra.infra().bootstrapServers())) {
            raw.send(topic, key, badValue, badHeaders);
            raw.send(topic, key, utf8(good.data()), CloudEventHeaders.write(good));

            Awaitility.await().atMost(WAIT).until(() -> given().queryParam("subject", key).get("/feed").then()
                    .extract().jsonPath().getList("items").size() == 1);
            List<ConsumerRecord<String, String>> dead = deadLetters.awaitRecords(r -> key.equals(r.key()), 1, WAIT);
            assertEquals(1, dead.size(), "exactly the bad record is dead-lettered");
            assertTrue(header(dead.get(0), "dead-letter-reason").contains(reason),
                    "reason: " + header(dead.get(0), "dead-letter-reason"));
            assertEquals(topic, header(dead.get(0), "dead-letter-topic"));
        }
        List<String> since = given().queryParam("after", head).queryParam("limit", 500).get("/feed").then()
                .statusCode(200).extract().jsonPath().getList("items.id");
        assertEquals(List.of(good.id().toString()), since, "the feed gained the good record and nothing else");
        ManagementRequests.given(management).get("/q/health/live").then().statusCode(200);
        ManagementRequests.given(management).get("/q/health/ready").then().statusCode(200);
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

}
