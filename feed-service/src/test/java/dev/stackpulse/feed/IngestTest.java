package dev.stackpulse.feed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;

import dev.stackpulse.events.ChangeEvent;
import dev.stackpulse.events.CloudEventHeaders;
import dev.stackpulse.events.Topics;
import dev.stackpulse.testing.SharedInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** CloudEvents produced to the real topics are stored once and served by GET /feed. */
@QuarkusTest
class IngestTest {

    @Test
    void redeliveredEventIsStoredOnce() throws Exception {
        String subject = "ingest-" + UUID.randomUUID();
        ChangeEvent event = new ChangeEvent(UUID.randomUUID(), "/catalog-service", "catalog.project.created", subject,
                OffsetDateTime.now(ZoneOffset.UTC), 0, "{\"slug\":\"" + subject + "\"}");
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>(Topics.CATALOG, null, subject, event.data(),
                        CloudEventHeaders.write(event))).get();
            }
            // A later event on the same partition: once it is stored, every redelivery before it was processed.
            ChangeEvent marker = new ChangeEvent(UUID.randomUUID(), "/catalog-service", "catalog.project.updated",
                    subject, OffsetDateTime.now(ZoneOffset.UTC), 1, "{\"slug\":\"" + subject + "\"}");
            producer.send(new ProducerRecord<>(Topics.CATALOG, null, subject, marker.data(),
                    CloudEventHeaders.write(marker))).get();
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> entriesOf(subject).size() == 2);
        List<String> ids = entriesOf(subject);
        given().queryParam("limit", 500).get("/feed").then().statusCode(200);
        org.junit.jupiter.api.Assertions.assertEquals(event.id().toString(), ids.get(0));
    }

    @Test
    void limitOutOfRangeIsAProblem() {
        given().queryParam("limit", 501).get("/feed").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void emptyFeedPageKeepsTheCursor() {
        // At the head (a cursor beyond it is refused: FeedEdgeInputTest), with a filter nothing matches.
        long head = given().get("/feed/stats").jsonPath().getLong("head");
        var page = given().queryParam("after", head).queryParam("source", "nobody").get("/feed").then().statusCode(200)
                .body("items", hasSize(0)).header("Link", containsString("rel=\"next\"")).extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertEquals(head, FeedPages.nextAfter(page));
    }

    private static List<String> entriesOf(String subject) {
        JsonPath page = given().queryParam("subject", subject).queryParam("limit", 500).get("/feed").then()
                .statusCode(200).extract().jsonPath();
        return page.getList("items.id");
    }

    private static KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfra.infra().bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }
}
