package dev.stackpulse.feed;

import static dev.stackpulse.feed.RawRecords.utf8;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackpulse.events.ChangeEvent;
import dev.stackpulse.events.CloudEventHeaders;
import dev.stackpulse.events.Topics;
import dev.stackpulse.testing.ManagementRequests;
import dev.stackpulse.testing.SharedInfra;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.RecordBatch;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A refused record whose copy the dead-letter topic cannot take (the broker's 1 MB limit, once the dead-letter
 * headers are added) must not stop the channel: the publish is retried, then the record is only recorded, readiness
 * says "dead-letter publishing" is DOWN, liveness stays UP, and consumption goes on.
 */
@QuarkusTest
class DeadLetterPublishTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The producer's default max.request.size: the original just fits, its dead-letter copy does not. */
    private static final int MAX_REQUEST = 1_048_576;

    /** Health answers on the management port only. */
    @TestHTTPResource(value = "", management = true)
    URL management;

    @Test
    void aFailedDeadLetterPublishIsReportedAndTheConsumerGoesOn() {
        String key = "dlqfail-" + UUID.randomUUID();
        ChangeEvent e = Events.catalog(key, "updated", 1);
        Headers headers = CloudEventHeaders.write(e);
        byte[] value = justUnderTheLimit(key, headers);
        long before = given().get("/feed/stats").then().extract().jsonPath().getLong("deadLettered");
        try (RawRecords raw = new RawRecords(SharedInfra.infra().bootstrapServers())) {
            raw.send(new ProducerRecord<>(Topics.CATALOG, null, utf8(key), value, headers));
            ChangeEvent good = Events.catalog(key, "created", 2);
            raw.send(Topics.CATALOG, key, utf8(good.data()), CloudEventHeaders.write(good));

            Awaitility.await().atMost(WAIT).until(() -> given().queryParam("subject", key).get("/feed").then()
                    .extract().jsonPath().getList("items").size() == 1);
            ManagementRequests.given(management).get("/q/health/ready").then().statusCode(503)
                    .body("checks.name", hasItem("dead-letter publishing"));
            ManagementRequests.given(management).get("/q/health/live").then().statusCode(200);
            assertTrue(given().get("/feed/stats").then().extract().jsonPath().getLong("deadLettered") > before,
                    "the refused record is recorded even though it could not be published");

            // The dead-letter channel still works: the next refused record goes out and readiness is UP again.
            String next = "dlqok-" + UUID.randomUUID();
            raw.send(Topics.CATALOG, next, utf8("{\"slug\":"), CloudEventHeaders.write(Events.catalog(next, "updated", 1)));
            Awaitility.await().atMost(WAIT).until(() -> ManagementRequests.given(management).get("/q/health/ready").statusCode() == 200);
        }
    }

    /** A value such that the record is a little under the producer's limit and its dead-letter copy over it. */
    private static byte[] justUnderTheLimit(String key, Headers headers) {
        int probe = MAX_REQUEST - 2_000;
        int overhead = size(key, probe, headers) - probe; // constant in this range (same varint widths)
        int length = MAX_REQUEST - 100 - overhead;
        byte[] value = new byte[length];
        Arrays.fill(value, (byte) 'x');
        value[0] = '"';
        value[length - 1] = '"';
        return value;
    }

    private static int size(String key, int valueLength, Headers headers) {
        return AbstractRecords.estimateSizeInBytesUpperBound(RecordBatch.CURRENT_MAGIC_VALUE, CompressionType.NONE,
                ByteBuffer.wrap(utf8(key)), ByteBuffer.allocate(valueLength), headers.toArray());
    }
}
