package dev.stackpulse.feed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.stackpulse.events.ChangeEvent;
import dev.stackpulse.testing.SharedInfra;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** GET /feed: filters, paging, ETag polling and the poll hint, problems for bad parameters. */
@QuarkusTest
class FeedQueryTest {

    @Test
    void filtersBySourceTypePrefixSubjectAndSince() {
        String tag = "q-" + UUID.randomUUID().toString().substring(0, 8);
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
        try (Events events = new Events(SharedInfra.infra().bootstrapServers())) {
            events.send(Events.catalog(tag + "-a", "created", 0));
            events.send(Events.catalog(tag + "-a", "updated", 1));
            events.send(Events.summit(tag + "-b", "created", 0));
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().queryParam("subject", tag + "-b")
                .get("/feed").jsonPath().getList("entries").size() == 1
                && given().queryParam("subject", tag + "-a").get("/feed").jsonPath().getList("entries").size() == 2);

        given().queryParam("subject", tag + "-a").queryParam("type", "catalog.project.updated").get("/feed").then()
                .statusCode(200).body("entries", hasSize(1)).body("entries[0].entityversion", equalTo(1));
        given().queryParam("subject", tag + "-a").queryParam("type", "catalog.project.").get("/feed").then()
                .body("entries", hasSize(2));
        given().queryParam("subject", tag + "-a").queryParam("type", "catalog.proj").get("/feed").then()
                .body("entries", hasSize(0)); // no trailing '.': exact match only
        given().queryParam("source", "summit-service").queryParam("since", before.toString()).get("/feed").then()
                .body("entries.source", everyItem(equalTo("/summit-service")))
                .body("entries.subject", hasItem(tag + "-b"));
        given().queryParam("source", "/catalog-service").queryParam("subject", tag + "-b").get("/feed").then()
                .body("entries", hasSize(0));
        given().queryParam("subject", tag + "-a").queryParam("since", "2999-01-01T00:00:00Z").get("/feed").then()
                .body("entries", hasSize(0));
    }

    @Test
    void pagesFollowTheCursorInPositionOrder() {
        String subject = "page-" + UUID.randomUUID();
        try (Events events = new Events(SharedInfra.infra().bootstrapServers())) {
            for (int v = 0; v < 5; v++) {
                events.send(Events.catalog(subject, "updated", v));
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().queryParam("subject", subject)
                .get("/feed").jsonPath().getList("entries").size() == 5);
        var first = given().queryParam("subject", subject).queryParam("limit", 2).get("/feed").then()
                .body("entries", hasSize(2)).extract().jsonPath();
        long next = first.getLong("next");
        assertEquals(first.getLong("entries[1].position"), next);
        given().queryParam("subject", subject).queryParam("limit", 10).queryParam("after", next).get("/feed").then()
                .body("entries", hasSize(3)).body("entries[0].entityversion", equalTo(2));
    }

    @Test
    void etagGivesNotModifiedUntilSomethingNewArrives() {
        String subject = "etag-" + UUID.randomUUID();
        var first = given().queryParam("subject", subject).get("/feed").then().statusCode(200)
                .header("X-Poll-Interval", "5").extract();
        String etag = first.header("ETag");
        given().queryParam("subject", subject).header("If-None-Match", etag).get("/feed").then().statusCode(304)
                .header("X-Poll-Interval", "5");
        ChangeEvent event = Events.catalog(subject, "created", 0);
        try (Events events = new Events(SharedInfra.infra().bootstrapServers())) {
            events.send(event);
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().queryParam("subject", subject)
                .header("If-None-Match", etag).get("/feed").statusCode() == 200);
        var changed = given().queryParam("subject", subject).header("If-None-Match", etag).get("/feed").then()
                .statusCode(200).body("entries[0].id", equalTo(event.id().toString())).extract();
        assertNotEquals(etag, changed.header("ETag"));
    }

    @Test
    void badParametersAreProblems() {
        given().queryParam("limit", 0).get("/feed").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit"));
        given().queryParam("limit", 501).get("/feed").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().queryParam("after", "abc").get("/feed").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("after"));
        given().queryParam("after", -1).get("/feed").then().statusCode(400).body("errors[0].field", equalTo("after"));
        given().queryParam("since", "yesterday").get("/feed").then().statusCode(400)
                .body("errors[0].field", equalTo("since")).body("detail", startsWith("since"));
    }
}
