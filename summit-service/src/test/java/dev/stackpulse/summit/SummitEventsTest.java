package dev.stackpulse.summit;

import static dev.stackpulse.summit.Api.asAdmin;
import static dev.stackpulse.summit.Api.asEditor;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Every committed change is exactly one CloudEvent on summit.events with the full state; bad input emits none. */
@QuarkusTest
class SummitEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void summitAndItsPartsEmitOneEventPerChangeWithTheFullState() {
        String slug = Api.unique("evt");
        try (TopicReader topic = TopicReader.fromNow(Topics.SUMMIT)) {
            asEditor().body(Api.summit(slug, 2035, 2000)).post("/summits").then().statusCode(201);
            asEditor().body(Api.summit(slug, 2035, 2100)).put("/summits/" + slug).then().statusCode(200);
            asEditor().contentType("application/merge-patch+json").body("{\"sponsors\":70}").patch("/summits/" + slug)
                    .then().statusCode(200);
            asEditor().body("{\"topCountries\":[\"Japan\"],\"regionShares\":[],\"roleShares\":[]}")
                    .put("/summits/" + slug + "/demographics").then().statusCode(200);
            asEditor().body("{\"highlights\":[\"one\"]}").put("/summits/" + slug + "/highlights").then().statusCode(200);
            asEditor().body("{\"awards\":[{\"name\":\"A\",\"winner\":\"B\"}]}").put("/summits/" + slug + "/awards")
                    .then().statusCode(200);
            Map<String, Object> lastState = withoutTimes(given().get("/summits/" + slug).then().extract().jsonPath());
            asAdmin().delete("/summits/" + slug).then().statusCode(204);

            topic.awaitRecords(r -> slug.equals(r.key()), 7, WAIT);
            marker(topic);
            List<ConsumerRecord<String, String>> records = topic.drain(Duration.ofMillis(200)).stream().filter(r -> slug.equals(r.key())).toList();
            List<ChangeEvent> events = records.stream().map(r -> CloudEventHeaders.read(r.headers(), r.value())).toList();
            assertEquals(List.of("summit.summit.created", "summit.summit.updated", "summit.summit.updated",
                    "summit.demographics.updated", "summit.highlights.updated", "summit.awards.updated",
                    "summit.summit.deleted"), events.stream().map(ChangeEvent::type).toList());
            assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L), events.stream().map(ChangeEvent::entityVersion).toList());
            events.forEach(e -> assertEquals(slug, e.subject()));
            events.forEach(e -> assertEquals("/summit-service", e.source()));
            assertEquals(2100, JsonPath.from(events.get(1).data()).getInt("attendees"));
            assertEquals(70, JsonPath.from(events.get(2).data()).getInt("sponsors"));
            assertEquals("Japan", JsonPath.from(events.get(3).data()).getString("topCountries[0]"));
            assertEquals(slug, JsonPath.from(events.get(3).data()).getString("summit"));
            assertEquals("one", JsonPath.from(events.get(4).data()).getString("highlights[0]"));
            assertEquals("B", JsonPath.from(events.get(5).data()).getString("awards[0].winner"));
            assertEquals(lastState, withoutTimes(JsonPath.from(events.get(6).data())));
        }
    }

    @Test
    void sessionItemAndNotesChangesEmitOneEventEachOnTheirOwnVersionLine() {
        String summit = Api.unique("evts");
        Api.createSummit(summit);
        try (TopicReader topic = TopicReader.fromNow(Topics.SUMMIT)) {
            long id = Api.createSession(summit, "Evented");
            String key = Long.toString(id);
            String notesKey = id + "/notes";
            asEditor().contentType("application/merge-patch+json").body("{\"status\":\"done\"}")
                    .patch("/sessions/" + id + "/items/1").then().statusCode(200);
            asEditor().header("If-Match", "\"0\"").body("{\"body\":\"v1\"}").put("/sessions/" + id + "/notes").then()
                    .statusCode(200);
            asEditor().header("If-Match", "\"1\"").body("{\"body\":\"v2 longer\"}").put("/sessions/" + id + "/notes")
                    .then().statusCode(200);
            Map<String, Object> state = withoutTimes(given().get("/sessions/" + id).then().extract().jsonPath());
            asAdmin().delete("/sessions/" + id).then().statusCode(204);

            topic.awaitRecords(r -> key.equals(r.key()) || notesKey.equals(r.key()), 6, WAIT);
            marker(topic);
            List<ChangeEvent> all = topic.drain(Duration.ofMillis(200)).stream()
                    .map(r -> CloudEventHeaders.read(r.headers(), r.value())).toList();
            // One subject, one version line: the session's versions under its id, notes revisions under id/notes.
            List<ChangeEvent> events = all.stream().filter(e -> key.equals(e.subject())).toList();
            List<ChangeEvent> notesEvents = all.stream().filter(e -> notesKey.equals(e.subject())).toList();
            assertEquals(List.of("summit.session.created", "summit.session.updated", "summit.session.deleted"),
                    events.stream().map(ChangeEvent::type).toList());
            assertEquals(List.of("summit.notes.created", "summit.notes.updated", "summit.notes.deleted"),
                    notesEvents.stream().map(ChangeEvent::type).toList());
            assertEquals("done", JsonPath.from(events.get(1).data()).getString("items[0].status"));
            assertEquals(state, withoutTimes(JsonPath.from(events.get(1).data())));
            JsonPath notes = JsonPath.from(notesEvents.get(1).data());
            assertEquals(2, notes.getInt("revision"));
            assertEquals(List.of(1L, 2L, 3L), notesEvents.stream().map(ChangeEvent::entityVersion).toList());
            assertEquals("test-editor", notes.getString("author"));
            assertEquals("v2 longer".length(), notes.getInt("bytes"));
            assertFalse(notesEvents.get(1).data().contains("v2 longer"), "a notes event carries no body or history");
            assertEquals(events.get(1).entityVersion() + 1, events.get(2).entityVersion());
        }
    }

    @Test
    void badInputIsNeitherStoredNorPublished() {
        String summit = Api.unique("evtbad");
        Api.createSummit(summit);
        long id = Api.createSession(summit, "Untouched");
        String sessionKey = Long.toString(id);
        String badSlug = Api.unique("evtbad-new");
        try (TopicReader topic = TopicReader.fromNow(Topics.SUMMIT)) {
            asEditor().body(Api.summit(badSlug, 2036, -1)).post("/summits").then().statusCode(400);
            asEditor().body(Api.summit(badSlug, 2036, 1).replace("2036-05-13", "2036-05-01")).post("/summits")
                    .then().statusCode(400);
            asEditor().body("{oops").post("/summits").then().statusCode(400);
            asEditor().body(Api.summit(summit, 2031, -1)).put("/summits/" + summit).then().statusCode(400);
            asEditor().contentType("application/merge-patch+json").body("{\"firstTimePercent\":150}")
                    .patch("/summits/" + summit).then().statusCode(400);
            asEditor().body("{\"topCountries\":[],\"regionShares\":[{\"name\":\"A\",\"percent\":70,\"basis\":\"given\"},"
                    + "{\"name\":\"B\",\"percent\":40,\"basis\":\"given\"}],\"roleShares\":[]}")
                    .put("/summits/" + summit + "/demographics").then().statusCode(400);
            asEditor().body(Api.session("atlantis-1", "bad-session-summit")).post("/sessions").then().statusCode(422);
            asEditor().body(Api.session(summit, "bad-session-pad").replace("https://", "")).post("/sessions")
                    .then().statusCode(400);
            asEditor().body(Api.session(summit, "bad-session-status").replace("needs-work", "someday"))
                    .post("/sessions").then().statusCode(400);
            asEditor().contentType("application/merge-patch+json").body("{\"status\":\"someday\"}")
                    .patch("/sessions/" + id + "/items/1").then().statusCode(400);
            asEditor().header("If-Match", "\"0\"").body("{\"body\":\"" + "y".repeat(1024 * 1024 + 10) + "\"}")
                    .put("/sessions/" + id + "/notes").then().statusCode(413);
            asEditor().body("{\"body\":\"no if-match\"}").put("/sessions/" + id + "/notes").then().statusCode(428);

            marker(topic);
            List<ConsumerRecord<String, String>> seen = topic.drain(Duration.ofMillis(500));
            Predicate<ConsumerRecord<String, String>> bad = r -> summit.equals(r.key()) || badSlug.equals(r.key())
                    || sessionKey.equals(r.key()) || (id + "/notes").equals(r.key()) || r.value().contains("bad-session");
            assertEquals(List.of(), seen.stream().filter(bad).map(r -> r.key() + " " + r.value()).toList());
        }
        given().get("/summits/" + badSlug).then().statusCode(404);
        assertEquals(0, given().get("/summits/" + summit).then().extract().jsonPath().getInt("version"));
        assertEquals(0, given().get("/sessions/" + id + "/notes").then().extract().jsonPath().getInt("revision"));
    }

    @Test
    void seededEntitiesAreAnnouncedOnTheTopic() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfra.infra().bootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.SUMMIT, WAIT).stream()
                    .map(p -> new TopicPartition(Topics.SUMMIT, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<String, ChangeEvent> seeded = new HashMap<>();
            Awaitility.await().atMost(WAIT).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    ChangeEvent e = CloudEventHeaders.read(r.headers(), r.value());
                    if (e.type().endsWith(".created")) {
                        seeded.putIfAbsent(e.type() + " " + e.subject(), e);
                    }
                }
                return seeded.containsKey("summit.summit.created tokyo-2015")
                        && seeded.containsKey("summit.summit.created austin-2016")
                        && seeded.containsKey("summit.demographics.created tokyo-2015")
                        && seeded.containsKey("summit.session.created 1")
                        && seeded.containsKey("summit.session.created 4");
            });
            Map<String, Object> tokyo = withoutTimes(given().get("/summits/tokyo-2015").then().extract().jsonPath());
            assertEquals(tokyo, withoutTimes(JsonPath.from(seeded.get("summit.summit.created tokyo-2015").data())));
            Map<String, Object> session = withoutTimes(given().get("/sessions/1").then().extract().jsonPath());
            assertEquals(session, withoutTimes(JsonPath.from(seeded.get("summit.session.created 1").data())));
            assertEquals(1L, seeded.get("summit.summit.created tokyo-2015").entityVersion());
            assertTrue(seeded.get("summit.demographics.created tokyo-2015").data().contains("United States"));
        }
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
