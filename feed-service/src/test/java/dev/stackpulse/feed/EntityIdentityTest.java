package dev.stackpulse.feed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stackpulse.events.ChangeEvent;
import dev.stackpulse.testing.SharedInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One subject, one version line: a session and its notes (revision numbers) are two entities, so notes edits
 * interleaved with session changes never make a session change stale, a delete shows, and the digest agrees. And an
 * operator can repair an entity whose state a forged version took over.
 */
@QuarkusTest
class EntityIdentityTest {

    @Test
    void notesEditsInterleavedWithSessionChangesKeepBothLinesRight() {
        String session = Long.toString(900_000 + (System.nanoTime() & 0xFFFF)) + "-" + UUID.randomUUID();
        String notes = ChangeEvent.partSubject(session, "notes");
        OffsetDateTime since = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1);
        try (Events events = new Events(SharedInfra.infra().bootstrapServers())) {
            events.send(sessionEvent(session, "created", 1));
            events.send(notesEvent(notes, "created", 1));
            events.send(notesEvent(notes, "updated", 2));
            events.send(notesEvent(notes, "updated", 3));
            events.send(sessionEvent(session, "updated", 2)); // the PATCH: older than notes revision 3
            events.send(notesEvent(notes, "updated", 4));
            events.send(notesEvent(notes, "deleted", 5)); // notes go with the session
            events.send(sessionEvent(session, "deleted", 3));
        }
        JsonPath history = EntityTest.awaitHistory("summit-service", session, 3);
        assertEquals(List.of(1, 2, 3), history.getList("items.entityversion", Integer.class));
        assertEquals(List.of(false, false, false), history.getList("items.stale", Boolean.class));
        given().get("/feed/entities/summit-service/{session}", session).then().statusCode(200)
                .body("version", equalTo(3)).body("deleted", equalTo(true))
                .body("type", equalTo("summit.session.deleted")).body("data.title", equalTo("Session v2"));

        JsonPath notesHistory = EntityTest.awaitHistory("summit-service", notes, 5);
        assertEquals(List.of(false, false, false, false, false), notesHistory.getList("items.stale", Boolean.class));
        // A subject with '/' is one path (as UriBuilder encodes it, and as typed).
        given().urlEncodingEnabled(false).get("/feed/entities/summit-service/" + notes).then().statusCode(200)
                .body("subject", equalTo(notes)).body("version", equalTo(5)).body("deleted", equalTo(true));
        given().get("/feed/entities/summit-service/{notes}", notes).then().statusCode(200)
                .body("version", equalTo(5));
        given().urlEncodingEnabled(false).get("/feed/entities/summit-service/" + session + "%2Fnotes").then()
                .statusCode(200).body("subject", equalTo(notes));
        given().urlEncodingEnabled(false).get("/feed/entities/summit-service/" + notes + "/history").then()
                .statusCode(200).body("items.size()", equalTo(5));

        JsonPath digest = given().queryParam("since", since.toString()).get("/feed/digest").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> sessionDigest = entity(digest, session);
        assertEquals(3, sessionDigest.get("changes"));
        assertEquals(Map.of("version", 3, "type", "summit.session.deleted", "deleted", true),
                latestWithoutData(sessionDigest));
        assertEquals(Map.of("version", 5, "type", "summit.notes.deleted", "deleted", true),
                latestWithoutData(entity(digest, notes)));
    }

    @Test
    void aForgedVersionIsRepairedFromHistoryAndTheNextRealChangeApplies() {
        String subject = "forged-" + UUID.randomUUID();
        try (Events events = new Events(SharedInfra.infra().bootstrapServers())) {
            events.send(Events.catalog(subject, "created", 1));
            events.send(Events.catalog(subject, "updated", 999_999)); // someone with write access to the topic
            events.send(Events.catalog(subject, "updated", 2)); // the real next change: stale behind the forgery
        }
        JsonPath history = EntityTest.awaitHistory("catalog-service", subject, 3);
        assertEquals(List.of(false, false, true), history.getList("items.stale", Boolean.class));
        long forged = history.getList("items.position", Long.class).get(1);
        String repair = "/feed/admin/entities/catalog-service/" + subject + "/repair";

        given().post(repair + "?discard=" + forged).then().statusCode(401);
        given().header("Authorization", SharedInfra.tokens().editor()).post(repair + "?discard=" + forged).then()
                .statusCode(403);
        given().header("Authorization", SharedInfra.tokens().admin()).post(repair + "?discard=x").then()
                .statusCode(400).contentType("application/problem+json");
        given().header("Authorization", SharedInfra.tokens().admin()).post(repair + "?discard=1" + forged).then()
                .statusCode(400).contentType("application/problem+json");
        given().header("Authorization", SharedInfra.tokens().admin())
                .post("/feed/admin/entities/catalog-service/never-seen-" + UUID.randomUUID() + "/repair").then()
                .statusCode(404).contentType("application/problem+json");

        given().header("Authorization", SharedInfra.tokens().admin()).post(repair + "?discard=" + forged).then()
                .statusCode(200).body("discarded", equalTo(List.of((int) forged)))
                .body("entity.version", equalTo(2)).body("entity.data.version", equalTo(2));
        JsonPath repaired = EntityTest.awaitHistory("catalog-service", subject, 2);
        assertEquals(List.of(1, 2), repaired.getList("items.entityversion", Integer.class));
        assertEquals(List.of(false, false), repaired.getList("items.stale", Boolean.class));

        try (Events events = new Events(SharedInfra.infra().bootstrapServers())) {
            events.send(Events.catalog(subject, "updated", 3));
        }
        JsonPath after = EntityTest.awaitHistory("catalog-service", subject, 3);
        assertEquals(List.of(false, false, false), after.getList("items.stale", Boolean.class));
        given().get("/feed/entities/catalog-service/{subject}", subject).then().statusCode(200)
                .body("version", equalTo(3)).body("type", equalTo("catalog.project.updated"));
    }

    @Test
    void repairingEveryEntryAwayLeavesNoState() {
        String subject = "forged-only-" + UUID.randomUUID();
        try (Events events = new Events(SharedInfra.infra().bootstrapServers())) {
            events.send(Events.catalog(subject, "created", 999_999));
        }
        long forged = EntityTest.awaitHistory("catalog-service", subject, 1).getList("items.position", Long.class)
                .get(0);
        given().header("Authorization", SharedInfra.tokens().admin())
                .post("/feed/admin/entities/catalog-service/" + subject + "/repair?discard=" + forged).then()
                .statusCode(200).body("entity", nullValue());
        given().get("/feed/entities/catalog-service/{subject}", subject).then().statusCode(404);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> entity(JsonPath digest, String subject) {
        List<Map<String, Object>> entities = digest.getList("sources.find { it.source == '/summit-service' }.entities");
        return entities.stream().filter(e -> subject.equals(e.get("subject"))).findFirst()
                .orElseThrow(() -> new AssertionError(subject + " not in digest"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> latestWithoutData(Map<String, Object> entity) {
        Map<String, Object> latest = (Map<String, Object>) entity.get("latest");
        return Map.of("version", latest.get("version"), "type", latest.get("type"), "deleted", latest.get("deleted"));
    }

    private static ChangeEvent sessionEvent(String id, String kind, long version) {
        return new ChangeEvent(UUID.randomUUID(), "/summit-service", "summit.session." + kind, id, now(), version,
                "{\"id\":\"" + id + "\",\"title\":\"Session v" + Math.min(version, 2) + "\",\"version\":" + version + "}");
    }

    private static ChangeEvent notesEvent(String subject, String kind, long revision) {
        return new ChangeEvent(UUID.randomUUID(), "/summit-service", "summit.notes." + kind, subject, now(), revision,
                "{\"revision\":" + revision + ",\"href\":\"/sessions/x/notes/revisions/" + revision + "\"}");
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
