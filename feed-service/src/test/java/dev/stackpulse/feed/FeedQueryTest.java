package dev.stackpulse.feed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.stackpulse.events.ChangeEvent;
import dev.stackpulse.testing.SharedInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** GET /feed: the list envelope, filters, paging, ETag polling and the poll hint, problems for bad parameters. */
@QuarkusTest
class FeedQueryTest {

    /** The one time shape of docs/api.md. */
    static final String RFC3339 = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    @Test
    void filtersBySourceTypePrefixSubjectSinceAndUntil() {
        String tag = "q-" + UUID.randomUUID().toString().substring(0, 8);
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
        try (Events events = new Events(SharedInfra.infra().bootstrapServers())) {
            events.send(Events.catalog(tag + "-a", "created", 0));
            events.send(Events.catalog(tag + "-a", "updated", 1));
            events.send(Events.summit(tag + "-b", "created", 0));
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().queryParam("subject", tag + "-b")
                .get("/feed").jsonPath().getList("items").size() == 1
                && given().queryParam("subject", tag + "-a").get("/feed").jsonPath().getList("items").size() == 2);

        given().queryParam("subject", tag + "-a").queryParam("type", "catalog.project.updated").get("/feed").then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].entityversion", equalTo(1));
        given().queryParam("subject", tag + "-a").queryParam("type", "catalog.project.*").get("/feed").then()
                .body("items", hasSize(2));
        given().queryParam("subject", tag + "-a").queryParam("type", "catalog.proj*").get("/feed").then()
                .body("items", hasSize(2));
        given().queryParam("subject", tag + "-a").queryParam("type", "catalog.project.").get("/feed").then()
                .body("items", hasSize(0)); // no trailing '*': exact match only (the old prefix syntax is gone)
        given().queryParam("source", "summit-service").queryParam("since", before.toString()).get("/feed").then()
                .body("items.source", everyItem(equalTo("/summit-service")))
                .body("items.subject", hasItem(tag + "-b"));
        given().queryParam("source", "/catalog-service").queryParam("subject", tag + "-b").get("/feed").then()
                .body("items", hasSize(0));
        given().queryParam("subject", tag + "-a").queryParam("since", "2999-01-01T00:00:00Z").get("/feed").then()
                .body("items", hasSize(0));
        given().queryParam("subject", tag + "-a").queryParam("until", before.toString()).get("/feed").then()
                .body("items", hasSize(0));
        String firstTime = given().queryParam("subject", tag + "-a").get("/feed").jsonPath().getString("items[0].time");
        given().queryParam("subject", tag + "-a").queryParam("until", firstTime).get("/feed").then()
                .body("items", hasSize(0)); // until is exclusive
        given().queryParam("subject", tag + "-a").queryParam("since", firstTime)
                .queryParam("until", "2999-01-01T09:00:00+09:00").get("/feed").then().body("items", hasSize(2));
    }

    @Test
    void aPageIsTheListEnvelopeWithTheNextLinkInBodyAndLinkHeader() {
        String subject = "env-" + UUID.randomUUID();
        try (Events events = new Events(SharedInfra.infra().bootstrapServers())) {
            events.send(Events.catalog(subject, "created", 0));
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().queryParam("subject", subject)
                .get("/feed").jsonPath().getList("items").size() == 1);
        ExtractableResponse<Response> page = given().queryParam("subject", subject).get("/feed").then()
                .statusCode(200).body("limit", equalTo(50)).body("items", hasSize(1))
                .body("items[0].time", matchesPattern(RFC3339)).extract();
        String next = page.jsonPath().getString("next");
        assertEquals("<" + next + ">; rel=\"next\"", page.header("Link"));
        assertEquals(page.jsonPath().getLong("items[0].position"), FeedPages.after(next));
        // The feed is endless: following next gives an empty page whose next repeats the cursor, to poll later.
        ExtractableResponse<Response> empty = given().urlEncodingEnabled(false).get(next).then().statusCode(200)
                .body("items", hasSize(0)).extract();
        assertEquals(next, empty.jsonPath().getString("next"));
        assertEquals("<" + next + ">; rel=\"next\"", empty.header("Link"));
    }

    @Test
    void aWalkWithLimitTwoSeesEveryEntryOnceInOrder() {
        String subject = "page-" + UUID.randomUUID();
        try (Events events = new Events(SharedInfra.infra().bootstrapServers())) {
            for (int v = 0; v < 5; v++) {
                events.send(Events.catalog(subject, "updated", v));
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().queryParam("subject", subject)
                .get("/feed").jsonPath().getList("items").size() == 5);
        List<Integer> versions = new ArrayList<>();
        String link = "/feed?subject=" + subject + "&limit=2";
        for (int pages = 0; pages < 10; pages++) {
            JsonPath page = given().urlEncodingEnabled(false).get(link).then().statusCode(200)
                    .body("limit", equalTo(2)).extract().jsonPath();
            List<Integer> items = page.getList("items.entityversion", Integer.class);
            if (items.isEmpty()) {
                assertEquals(link, page.getString("next"), "an empty page's next repeats the cursor");
                break;
            }
            versions.addAll(items);
            link = page.getString("next");
        }
        assertEquals(List.of(0, 1, 2, 3, 4), versions);
    }

    @Test
    void etagGivesNotModifiedUntilSomethingNewArrives() {
        String subject = "etag-" + UUID.randomUUID();
        var first = given().queryParam("subject", subject).get("/feed").then().statusCode(200)
                .header("X-Poll-Interval", "5").extract();
        String etag = first.header("ETag");
        given().queryParam("subject", subject).header("If-None-Match", etag).get("/feed").then().statusCode(304)
                .header("X-Poll-Interval", "5").header("ETag", etag);
        // If-None-Match compares weakly: a W/ tag of the same value matches too.
        given().queryParam("subject", subject).header("If-None-Match", "W/" + etag).get("/feed").then()
                .statusCode(304);
        given().queryParam("subject", subject).header("If-None-Match", "\"other\", " + etag).get("/feed").then()
                .statusCode(304);
        ChangeEvent event = Events.catalog(subject, "created", 0);
        try (Events events = new Events(SharedInfra.infra().bootstrapServers())) {
            events.send(event);
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().queryParam("subject", subject)
                .header("If-None-Match", etag).get("/feed").statusCode() == 200);
        var changed = given().queryParam("subject", subject).header("If-None-Match", etag).get("/feed").then()
                .statusCode(200).body("items[0].id", equalTo(event.id().toString())).extract();
        assertNotEquals(etag, changed.header("ETag"));
    }

    @Test
    void badParametersAreProblems() {
        for (String limit : List.of("0", "501", "abc")) {
            given().queryParam("limit", limit).get("/feed").then().statusCode(400)
                    .contentType("application/problem+json").body("type", equalTo("/problems/invalid-parameter"))
                    .body("errors[0].field", equalTo("limit"))
                    .body("detail", equalTo("limit: must be a whole number from 1 to 500"));
        }
        for (String after : List.of("abc", "-1", "bWFsZm9ybWVk", "99999999999999999999")) {
            given().queryParam("after", after).get("/feed").then().statusCode(400)
                    .contentType("application/problem+json").body("type", equalTo("/problems/invalid-parameter"))
                    .body("errors[0].field", equalTo("after"));
        }
        given().queryParam("since", "yesterday").get("/feed").then().statusCode(400)
                .body("errors[0].field", equalTo("since")).body("detail", startsWith("since"));
        given().queryParam("until", "2015-10-27").get("/feed").then().statusCode(400)
                .body("errors[0].field", equalTo("until"));
        given().queryParam("type", "catalog.*.updated").get("/feed").then().statusCode(400)
                .body("type", equalTo("/problems/invalid-parameter")).body("errors[0].field", equalTo("type"));
        given().queryParam("sort", "-position").queryParam("sourse", "x").get("/feed").then().statusCode(400)
                .body("type", equalTo("/problems/unknown-parameter")).body("errors.field", hasItem("sourse"))
                .body("errors.field", hasItem("sort"));
        given().queryParam("limit", 2).queryParam("limit", 3).get("/feed").then().statusCode(400)
                .body("type", equalTo("/problems/invalid-parameter")).body("errors[0].field", equalTo("limit"));
    }

    @Test
    void anEmptyParameterCountsAsAbsent() {
        given().urlEncodingEnabled(false).get("/feed?type=&limit=&after=&since=&until=&source=&subject=").then()
                .statusCode(200).body("limit", equalTo(50)).body("next", startsWith("/feed?"));
    }
}
