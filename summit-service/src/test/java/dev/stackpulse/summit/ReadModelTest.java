package dev.stackpulse.summit;

import static dev.stackpulse.summit.Api.asEditor;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The read models: a summit's GET and the session list come from renderings made once per change. Rows changed
 * behind the service's back (plain SQL, no change notice) show what is served from the rendering and what is read.
 */
@QuarkusTest
class ReadModelTest {

    @Inject
    EntityManager em;

    @Test
    void aWriteIsVisibleAtOnceOnTheSameReplica() {
        String slug = Api.unique("rm-write");
        Api.createSummit(slug); // version 0
        given().get("/summits/" + slug).then().statusCode(200).header("ETag", "\"0\"").body("city", equalTo("Testville"));
        String etag = asEditor().body(Api.summit(slug, 2031, 1000).replace("Testville", "Newtown"))
                .put("/summits/" + slug).then().statusCode(200).header("ETag", "\"1\"").extract().header("ETag");
        given().get("/summits/" + slug).then().statusCode(200).header("ETag", etag).body("city", equalTo("Newtown"));
        given().header("If-None-Match", "\"0\"").get("/summits/" + slug).then().statusCode(200)
                .header("ETag", etag);
        asEditor().contentType("application/merge-patch+json").body("{\"sponsors\":7}")
                .patch("/summits/" + slug).then().statusCode(200).header("ETag", "\"2\"");
        given().get("/summits/" + slug).then().statusCode(200).header("ETag", "\"2\"").body("sponsors", equalTo(7));
    }

    @Test
    void aMatchingConditionalGetIsAnsweredWithoutTheDatabase() {
        String slug = Api.unique("rm-304");
        Api.createSummit(slug);
        given().get("/summits/" + slug).then().statusCode(200).header("ETag", "\"0\"");
        behindTheServicesBack("UPDATE summit SET city = 'Elsewhere', version = version + 5 WHERE slug = ?1", slug);
        // the database now holds version 5: a read of it would answer 200; the rendering answers
        given().header("If-None-Match", "\"0\"").get("/summits/" + slug).then().statusCode(304).header("ETag", "\"0\"");
        given().header("If-None-Match", "W/\"0\"").get("/summits/" + slug).then().statusCode(304);
        given().get("/summits/" + slug).then().statusCode(200).header("ETag", "\"0\"").body("city", equalTo("Testville"));
    }

    @Test
    void anETagNewerThanTheRenderingReadsThrough() {
        String slug = Api.unique("rm-newer");
        Api.createSummit(slug);
        given().get("/summits/" + slug).then().statusCode(200).header("ETag", "\"0\"");
        behindTheServicesBack("UPDATE summit SET city = 'Elsewhere', version = version + 5 WHERE slug = ?1", slug);
        // a client that saw version 5 (its write, on another replica) never gets version 0 back
        given().header("If-None-Match", "\"5\"").get("/summits/" + slug).then().statusCode(304).header("ETag", "\"5\"");
        given().get("/summits/" + slug).then().statusCode(200).header("ETag", "\"5\"").body("city", equalTo("Elsewhere"));
        behindTheServicesBack("UPDATE summit SET city = 'Thirdplace', version = version + 1 WHERE slug = ?1", slug);
        // one of the listed tags is newer than the rendering (5): the database's answer, which that tag names
        given().header("If-None-Match", "\"2\", W/\"6\"").get("/summits/" + slug).then().statusCode(304)
                .header("ETag", "\"6\"");
        given().get("/summits/" + slug).then().statusCode(200).header("ETag", "\"6\"")
                .body("city", equalTo("Thirdplace"));
        // newer than the database too: the current version in full
        given().header("If-None-Match", "\"99\"").get("/summits/" + slug).then().statusCode(200)
                .header("ETag", "\"6\"").body("city", equalTo("Thirdplace"));
    }

    @Test
    void anotherReplicasCommitDropsTheRendering() {
        String slug = Api.unique("rm-replica");
        Api.createSummit(slug);
        given().get("/summits/" + slug).then().statusCode(200).header("ETag", "\"0\"");
        // what another replica's write does: change the row and NOTIFY in the same transaction (origin: not us)
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("UPDATE summit SET city = 'Remote', version = 1 WHERE slug = ?1").setParameter(1, slug)
                    .executeUpdate();
            em.createNativeQuery("SELECT pg_notify('summit_service_changes', 'other-replica|1|summit|' || ?1)")
                    .setParameter(1, slug).getSingleResult();
        });
        long committed = System.nanoTime();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5)).untilAsserted(() ->
                given().get("/summits/" + slug).then().statusCode(200).header("ETag", "\"1\"")
                        .body("city", equalTo("Remote")));
        long millis = (System.nanoTime() - committed) / 1_000_000;
        assertTrue(millis < 1000, "served the new version " + millis + " ms after the commit");
    }

    @Test
    void theSessionListUsesTheRenderingOfTheVersionItNames() {
        String summit = Api.unique("rm-list");
        Api.createSummit(summit);
        long id = Api.createSession(summit, "Rendered once");
        given().queryParam("summit", summit).get("/sessions").then().statusCode(200)
                .body("items.title", contains("Rendered once"));
        // same version, other text: the page's items are the rendering of that version, not read again
        behindTheServicesBack("UPDATE session SET title = 'Not read' WHERE id = ?1", id);
        given().queryParam("summit", summit).get("/sessions").then().statusCode(200)
                .body("items.title", contains("Rendered once"));
        // a new version is rendered anew
        asEditor().contentType("application/merge-patch+json").body("{\"title\":\"Changed\"}")
                .patch("/sessions/" + id).then().statusCode(200);
        given().queryParam("summit", summit).queryParam("release", "newton").queryParam("project", "neut*")
                .get("/sessions").then().statusCode(200).body("items.title", contains("Changed"))
                .body("items[0].items.n", contains(1, 2)).body("items[0].version", equalTo(1));
    }

    @Test
    void theSessionListReadsNoRowsUntilASessionChanges() {
        String summit = Api.unique("rm-index");
        Api.createSummit(summit);
        long id = Api.createSession(summit, "Listed");
        given().queryParam("summit", summit).get("/sessions").then().statusCode(200)
                .body("items.title", contains("Listed"));
        // a row added behind the service's back (no change notice): a list that queried the rows would show it
        behindTheServicesBack("INSERT INTO session (summit_slug, release, project, title, kind, etherpad, topics, items,"
                + " version, created_at, updated_at) SELECT summit_slug, release, project, 'Unannounced', kind, etherpad,"
                + " topics, items, 0, created_at, updated_at FROM session WHERE id = ?1", id);
        given().queryParam("summit", summit).queryParam("project", "n*").get("/sessions").then().statusCode(200)
                .body("items.title", contains("Listed"));
        // another replica's notice of a session change: the list shows the rows as they are now
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "SELECT pg_notify('summit_service_changes', 'other-replica|0|session|' || max(id)) FROM session")
                .getSingleResult());
        long notified = System.nanoTime();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5)).untilAsserted(() ->
                given().queryParam("summit", summit).get("/sessions").then().statusCode(200)
                        .body("items.title", contains("Listed", "Unannounced")));
        long millis = (System.nanoTime() - notified) / 1_000_000;
        assertTrue(millis < 1000, "listed the new session " + millis + " ms after the notice");
        // the text search still reads the rows (it searches the notes too)
        given().queryParam("summit", summit).queryParam("q", "unannounced").get("/sessions").then().statusCode(200)
                .body("items.title", contains("Unannounced"));
    }

    private void behindTheServicesBack(String sql, Object key) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(sql).setParameter(1, key).executeUpdate());
    }
}
