package dev.stackpulse.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackpulse.events.ChangeEvent;
import dev.stackpulse.events.CloudEventHeaders;
import dev.stackpulse.events.Topics;
import dev.stackpulse.testing.SharedInfra;
import dev.stackpulse.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** Every committed write of a project, release or per-release record emits exactly one CloudEvent, in order. */
@QuarkusTest
class EventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Flyway flyway;

    @Test
    void projectCreateUpdateDeleteEmitOneEventEachInOrder() throws Exception {
        try (TopicReader topic = TopicReader.fromNow(Topics.CATALOG)) {
            String slug = TestData.createProject("ev-project");
            TestData.editor().contentType(TestData.MERGE_PATCH).body("{\"name\":\"Renamed\",\"sdkCount\":9}")
                    .patch("/projects/" + slug).then().statusCode(200);
            TestData.admin().delete("/projects/" + slug).then().statusCode(204);

            List<ChangeEvent> events = events(topic, slug, 3);
            assertEquals(List.of("catalog.project.created", "catalog.project.updated", "catalog.project.deleted"),
                    events.stream().map(ChangeEvent::type).toList());
            assertEquals(List.of(0L, 1L, 2L), events.stream().map(ChangeEvent::entityVersion).toList());
            events.forEach(e -> assertEquals(slug, e.subject()));
            JsonNode created = JSON.readTree(events.get(0).data());
            assertEquals("Test service", created.path("serviceName").asText());
            assertEquals("optional", created.path("tier").asText());
            assertTrue(created.has("governanceTags") && created.has("installGuide") && created.has("firstRelease"),
                    "full state");
            assertEquals(9, JSON.readTree(events.get(1).data()).path("sdkCount").asInt());
            JsonNode deleted = JSON.readTree(events.get(2).data());
            assertEquals("Renamed", deleted.path("name").asText(), "delete carries the last state");
            assertEquals(1, deleted.path("version").asInt());
        }
    }

    @Test
    void releaseCreateUpdateDeleteEmitOneEventEachInOrder() throws Exception {
        try (TopicReader topic = TopicReader.fromNow(Topics.CATALOG)) {
            String name = TestData.createRelease("ev-release");
            int sequence = given().get("/releases/" + name).then().extract().path("sequence");
            TestData.editor().body(TestData.releaseJson(name, sequence, "released")).put("/releases/" + name)
                    .then().statusCode(200);
            TestData.admin().delete("/releases/" + name).then().statusCode(204);

            List<ChangeEvent> events = events(topic, name, 3);
            assertEquals(List.of("catalog.release.created", "catalog.release.updated", "catalog.release.deleted"),
                    events.stream().map(ChangeEvent::type).toList());
            assertEquals(List.of(0L, 1L, 2L), events.stream().map(ChangeEvent::entityVersion).toList());
            assertEquals("planned", JSON.readTree(events.get(0).data()).path("status").asText());
            assertEquals("released", JSON.readTree(events.get(2).data()).path("status").asText());
            assertEquals("Testing", JSON.readTree(events.get(1).data()).path("keywords").path(0).asText());
        }
    }

    @Test
    void recordCreateUpdateDeleteEmitOneEventEachKeyedReleaseSlashProject() throws Exception {
        String slug = TestData.createProject("ev-record");
        String key = "kilo/" + slug;
        try (TopicReader topic = TopicReader.fromNow(Topics.CATALOG)) {
            TestData.putKilo(slug, 10, "one");
            TestData.putKilo(slug, 20, "one", "two");
            TestData.admin().delete("/releases/kilo/projects/" + slug).then().statusCode(204);

            List<ChangeEvent> events = events(topic, key, 3);
            assertEquals(List.of("catalog.adoption.created", "catalog.adoption.updated", "catalog.adoption.deleted"),
                    events.stream().map(ChangeEvent::type).toList());
            assertEquals(List.of(0L, 1L, 2L), events.stream().map(ChangeEvent::entityVersion).toList());
            JsonNode updated = JSON.readTree(events.get(1).data());
            assertEquals(20, updated.path("adoption").asInt());
            assertEquals("two", updated.path("highlights").path(1).asText());
            assertEquals("kilo", updated.path("release").asText());
            assertEquals(slug, updated.path("project").asText());
            assertEquals(20, JSON.readTree(events.get(2).data()).path("adoption").asInt());
        }
    }

    @Test
    void deletingAProjectEmitsOneEventPerRemovedRecordThenTheProjects() throws Exception {
        // Read from before the creation: the relay may publish the created events after any later start point.
        try (TopicReader topic = TopicReader.fromNow(Topics.CATALOG)) {
            String slug = TestData.createProject("ev-cascade");
            TestData.putKilo(slug, 33);
            TestData.admin().delete("/projects/" + slug).then().statusCode(204);
            List<ChangeEvent> project = events(topic, slug, 2);
            List<ChangeEvent> record = events(topic, "kilo/" + slug, 2);
            assertEquals("catalog.project.deleted", project.get(1).type());
            assertEquals("catalog.adoption.deleted", record.get(1).type());
            assertEquals(33, JSON.readTree(record.get(1).data()).path("adoption").asInt());
        }
    }

    @Test
    void seededEntitiesWereAnnouncedOnTheTopic() throws Exception {
        List<ConsumerRecord<String, String>> found = fromBeginning(
                r -> r.key().equals("neutron") || r.key().equals("liberty") || r.key().equals("liberty/neutron"), 3);
        for (ConsumerRecord<String, String> r : found) {
            ChangeEvent e = CloudEventHeaders.read(r.headers(), r.value());
            assertTrue(e.type().endsWith(".created"), e.type());
            assertEquals(0, e.entityVersion());
            JsonNode data = JSON.readTree(e.data());
            String path = switch (r.key()) {
                case "neutron" -> "/projects/neutron";
                case "liberty" -> "/releases/liberty";
                default -> "/releases/liberty/projects/neutron";
            };
            // The seed migration builds event data in SQL: it must match what the API (and later events) show.
            JsonNode api = JSON.readTree(given().get(path).then().statusCode(200).extract().asString());
            assertEquals(fieldNames(api), fieldNames(data), path);
            fieldNames(api).stream().filter(f -> !f.endsWith("At"))
                    .forEach(f -> assertEquals(api.get(f), data.get(f), path + " " + f));
        }
    }

    private static java.util.Set<String> fieldNames(JsonNode node) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void migratingAgainNeitherDuplicatesNorOverwritesEdits() {
        TestData.editor().contentType(TestData.MERGE_PATCH).body("{\"sdkCount\":4}").patch("/projects/zaqar")
                .then().statusCode(200);
        int before = given().queryParam("limit", 500).get("/projects").then().extract().path("items.size()");
        flyway.migrate();
        given().get("/projects/zaqar").then().statusCode(200).body("sdkCount", equalTo(4));
        given().queryParam("limit", 500).get("/projects").then().body("items.size()", equalTo(before));
        given().queryParam("release", "liberty").get("/projects/navigator").then()
                .body("optional.size()", equalTo(9));
    }

    private static List<ChangeEvent> events(TopicReader topic, String key, int count) {
        return topic.awaitRecords(r -> key.equals(r.key()), count, Duration.ofSeconds(30)).stream()
                .map(r -> CloudEventHeaders.read(r.headers(), r.value())).toList();
    }

    /** Reads the topic from its beginning until the wanted number of matching records arrived. */
    private static List<ConsumerRecord<String, String>> fromBeginning(
            java.util.function.Predicate<ConsumerRecord<String, String>> matching, int count) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfra.infra().bootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.CATALOG, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(Topics.CATALOG, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.key() != null && matching.test(r)) {
                        seen.add(r);
                    }
                });
                return seen.size() >= count;
            });
        }
        assertEquals(count, seen.size(), "each seeded entity announced once");
        return seen;
    }
}
