package dev.stackpulse.summit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stackpulse.events.ChangeEvent;
import dev.stackpulse.events.CloudEventHeaders;
import dev.stackpulse.events.Topics;
import dev.stackpulse.testing.SharedInfra;
import dev.stackpulse.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A created summit reaches summit.events as a CloudEvent keyed by its slug. */
@QuarkusTest
class SummitOutboxTest {

    @Test
    void createdSummitIsPublished() {
        try (TopicReader topic = TopicReader.fromNow(Topics.SUMMIT)) {
            given().contentType("application/json")
                    .header("Authorization", SharedInfra.tokens().editor())
                    .body("""
                            {"slug":"e2e-austin-2016","city":"Austin","season":"Spring 2016",
                             "startDate":"2016-04-25","endDate":"2016-04-29","status":"planned"}""")
                    .post("/summits")
                    .then().statusCode(201);
            ConsumerRecord<String, String> record = topic.awaitRecords(r -> "e2e-austin-2016".equals(r.key()), 1,
                    Duration.ofSeconds(20)).get(0);
            ChangeEvent event = CloudEventHeaders.read(record.headers(), record.value());
            assertEquals("summit.summit.created", event.type());
            assertEquals("/summit-service", event.source());
        }
    }

    @Test
    void endBeforeStartIsRefused() {
        given().contentType("application/json")
                .header("Authorization", SharedInfra.tokens().editor())
                .body("""
                        {"slug":"e2e-bad","city":"Austin","season":"Spring 2016",
                         "startDate":"2016-04-29","endDate":"2016-04-25","status":"planned"}""")
                .post("/summits")
                .then().statusCode(400).contentType("application/problem+json");
        given().get("/summits/e2e-bad").then().statusCode(404);
    }
}
