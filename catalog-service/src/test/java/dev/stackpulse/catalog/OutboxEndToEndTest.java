package dev.stackpulse.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackpulse.catalog.project.ProjectInput;
import dev.stackpulse.catalog.project.ProjectService;
import dev.stackpulse.events.ChangeEvent;
import dev.stackpulse.events.CloudEventHeaders;
import dev.stackpulse.events.Topics;
import dev.stackpulse.testing.SharedInfra;
import dev.stackpulse.testing.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The outbox path through the real database and the real broker. */
@QuarkusTest
class OutboxEndToEndTest {

    @Inject
    ProjectService projects;

    @Test
    void createdProjectIsPublishedOnceAsCloudEvent() throws Exception {
        try (TopicReader topic = TopicReader.fromNow(Topics.CATALOG)) {
            given().contentType("application/json")
                    .header("Authorization", SharedInfra.tokens().editor())
                    .body("""
                            {"slug":"e2e-nova","name":"Nova","serviceName":"Compute service",
                             "serviceType":"compute","tier":"core"}""")
                    .post("/projects")
                    .then().statusCode(201).header("ETag", "\"0\"").body("slug", equalTo("e2e-nova"));

            List<ConsumerRecord<String, String>> records = topic.awaitRecords(r -> "e2e-nova".equals(r.key()), 1,
                    Duration.ofSeconds(20));
            ChangeEvent event = CloudEventHeaders.read(records.get(0).headers(), records.get(0).value());
            assertEquals("/catalog-service", event.source());
            assertEquals("catalog.project.created", event.type());
            assertEquals("e2e-nova", event.subject());
            assertEquals(0, event.entityVersion());
            assertEquals("Compute service", new ObjectMapper().readTree(event.data()).path("serviceName").asText());
            assertEquals(1, topic.drain(Duration.ofMillis(500)).stream()
                    .filter(r -> "e2e-nova".equals(r.key())).count(), "published exactly once");
        }
    }

    @Test
    void rolledBackWritePublishesNothing() {
        try (TopicReader topic = TopicReader.fromNow(Topics.CATALOG)) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    projects.create(input("e2e-rolled-back"));
                    throw new IllegalStateException("abort after the outbox row was written");
                });
            } catch (IllegalStateException expected) {
                // the transaction rolled back
            }
            projects.create(input("e2e-committed"));

            // The relay publishes in commit-position order: once the later write is out, the aborted one would be too.
            topic.awaitRecords(r -> "e2e-committed".equals(r.key()), 1, Duration.ofSeconds(20));
            assertTrue(topic.drain(Duration.ofMillis(500)).stream().noneMatch(r -> "e2e-rolled-back".equals(r.key())));
            given().get("/projects/e2e-rolled-back").then().statusCode(404)
                    .contentType("application/problem+json");
        }
    }

    private static ProjectInput input(String slug) {
        return ProjectInput.of(slug, "Test " + slug, "Test service", "test", "optional");
    }
}
