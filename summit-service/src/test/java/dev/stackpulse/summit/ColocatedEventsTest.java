package dev.stackpulse.summit;

import static dev.stackpulse.summit.Api.asAdmin;
import static dev.stackpulse.summit.Api.asEditor;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stackpulse.events.ChangeEvent;
import dev.stackpulse.events.CloudEventHeaders;
import dev.stackpulse.events.Topics;
import dev.stackpulse.testing.SharedInfra;
import dev.stackpulse.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Every committed change of a co-located event is one CloudEvent on the real summit.events topic, type
 * summit.colocated-event.*, subject (= record key) {@code <summit>/<key>}, data = the representation; a refused
 * write publishes nothing.
 */
@QuarkusTest
class ColocatedEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void oneEventPerCommittedWriteOnTheEventsOwnVersionLineNoneForARefusedOne() {
        String summit = Api.unique("colev");
        Api.createSummit(summit);
        String base = "/summits/" + summit + "/colocated-events";
        String one = base + "/dojo";
        String subject = summit + "/dojo";
        String body = ColocatedEventResourceTest.event("dojo", "2031-05-08", "2031-05-09");
        try (TopicReader topic = TopicReader.fromNow(Topics.SUMMIT)) {
            asEditor().body(body).post(base).then().statusCode(201);
            Map<String, Object> created = withoutTimes(given().get(one).then().extract().jsonPath());
            // refused: end before start, a stale If-Match, a bad URL by patch, no role, a duplicate key
            asEditor().body(body.replace("2031-05-09", "2031-05-01")).put(one).then().statusCode(400);
            asEditor().header("If-Match", "\"7\"").body(body).put(one).then().statusCode(412);
            asEditor().contentType("application/merge-patch+json").body("{\"url\":\"nope\"}").patch(one).then()
                    .statusCode(400);
            given().contentType("application/json").header("Authorization", SharedInfra.tokens().bearer("x", "viewer"))
                    .body(body).put(one).then().statusCode(403);
            asEditor().body(body).post(base).then().statusCode(409);

            asEditor().header("If-Match", "\"0\"").body(body.replace("core reviewers", "PTLs")).put(one).then()
                    .statusCode(200);
            Map<String, Object> replaced = withoutTimes(given().get(one).then().extract().jsonPath());
            asEditor().contentType("application/merge-patch+json").header("Accept-Language", "ja")
                    .body("{\"summaryEn\":\"Patched.\"}").patch(one).then().statusCode(200);
            Map<String, Object> last = withoutTimes(given().get(one).then().extract().jsonPath());
            asAdmin().header("If-Match", "\"2\"").delete(one).then().statusCode(204);
            asAdmin().delete(one).then().statusCode(404);

            topic.awaitRecords(r -> subject.equals(r.key()), 4, WAIT);
            marker(topic);
            List<ChangeEvent> events = topic.drain(Duration.ofMillis(300)).stream()
                    .filter(r -> subject.equals(r.key()))
                    .map(r -> CloudEventHeaders.read(r.headers(), r.value())).toList();
            assertEquals(List.of("summit.colocated-event.created", "summit.colocated-event.updated",
                    "summit.colocated-event.updated", "summit.colocated-event.deleted"),
                    events.stream().map(ChangeEvent::type).toList());
            events.forEach(e -> assertEquals(subject, e.subject()));
            events.forEach(e -> assertEquals("/summit-service", e.source()));
            assertEquals(List.of(0L, 1L, 2L, 3L), events.stream().map(ChangeEvent::entityVersion).toList());
            assertEquals(created, withoutTimes(JsonPath.from(events.get(0).data())));
            assertEquals(replaced, withoutTimes(JsonPath.from(events.get(1).data())));
            assertEquals("PTLs", JsonPath.from(events.get(1).data()).getString("taughtBy"));
            // the event carries the English view whatever language the writer read in
            assertEquals(last, withoutTimes(JsonPath.from(events.get(2).data())));
            assertEquals("en", JsonPath.from(events.get(2).data()).getString("summaryLanguage"));
            assertEquals("Patched.", JsonPath.from(events.get(2).data()).getString("summary"));
            assertEquals(last, withoutTimes(JsonPath.from(events.get(3).data())), "a delete carries the last state");
        }
        // the summit itself saw none of it: its version is the created one
        assertEquals(0, given().get("/summits/" + summit).then().extract().jsonPath().getInt("version"));
    }

    @Test
    void theSeededTrainingIsAnnouncedWithTheApisRepresentation() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfra.infra().bootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        AtomicReference<ChangeEvent> seeded = new AtomicReference<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.SUMMIT, WAIT).stream()
                    .map(p -> new TopicPartition(Topics.SUMMIT, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Awaitility.await().atMost(WAIT).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if ("tokyo-2015/upstream-training".equals(r.key())) {
                        ChangeEvent e = CloudEventHeaders.read(r.headers(), r.value());
                        if (e.type().equals("summit.colocated-event.created")) {
                            seeded.compareAndSet(null, e);
                        }
                    }
                }
                return seeded.get() != null;
            });
        }
        ChangeEvent e = seeded.get();
        assertEquals(1L, e.entityVersion());
        // exactly the API's English representation, times included (one time format)
        Map<String, Object> api = given().get("/summits/tokyo-2015/colocated-events/upstream-training").then()
                .statusCode(200).extract().jsonPath().getMap("$");
        assertEquals(api, JsonPath.from(e.data()).getMap("$"));
    }

    /** A valid write after the others; once it is on the topic, the relay has passed every earlier commit. */
    private static void marker(TopicReader topic) {
        String slug = Api.unique("marker");
        Api.createSummit(slug);
        topic.awaitRecords(r -> slug.equals(r.key()), 1, WAIT);
    }

    private static Map<String, Object> withoutTimes(JsonPath json) {
        Map<String, Object> map = new HashMap<>(json.getMap("$"));
        map.remove("createdAt");
        map.remove("updatedAt");
        return map;
    }
}
