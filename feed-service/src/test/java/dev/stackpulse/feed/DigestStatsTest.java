package dev.stackpulse.feed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stackpulse.testing.SharedInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** /feed/digest aggregates per entity; /feed/stats counts and reports consumer lag from Kafka. */
@QuarkusTest
class DigestStatsTest {

    @Test
    void digestGroupsChangesPerEntityBySource() {
        String subject = "digest-" + UUID.randomUUID();
        String since = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(5).toString();
        try (Events events = new Events(SharedInfra.infra().bootstrapServers())) {
            events.send(Events.catalog(subject, "created", 0));
            events.send(Events.catalog(subject, "updated", 1));
            events.send(Events.catalog(subject, "updated", 2));
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().queryParam("subject", subject)
                .get("/feed").jsonPath().getList("items").size() == 3);
        JsonPath digest = given().queryParam("since", since).get("/feed/digest").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> entity = digest.getMap("sources.find { it.source == '/catalog-service' }.entities"
                + ".find { it.subject == '" + subject + "' }");
        assertEquals(3, entity.get("changes"));
        assertEquals(List.of("catalog.project.created", "catalog.project.updated"), entity.get("types"));
        assertEquals(2, ((Map<?, ?>) entity.get("latest")).get("version"));
        given().queryParam("since", "soon").get("/feed/digest").then().statusCode(400);
    }

    @Test
    void statsCountPerSourceAndTypeAndReportLagPerPartition() {
        String subject = "stats-" + UUID.randomUUID();
        try (Events events = new Events(SharedInfra.infra().bootstrapServers())) {
            events.send(Events.summit(subject, "created", 0));
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().queryParam("subject", subject)
                .get("/feed").jsonPath().getList("items").size() == 1);
        given().get("/feed/stats").then().statusCode(200)
                .body("counts.find { it.type == 'summit.summit.created' }.count", greaterThanOrEqualTo(1))
                .body("lastEventTime", notNullValue())
                .body("head", greaterThanOrEqualTo(1))
                .body("deadLettered", greaterThanOrEqualTo(0))
                .body("consumerLag", hasSize(6))
                .body("consumerLag.find { it.topic == 'summit.events' && it.partition == 0 }.end",
                        greaterThanOrEqualTo(0));
        // Once everything is consumed and committed, the lag drains to zero.
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/feed/stats").jsonPath()
                .getList("consumerLag.lag", Integer.class).stream().allMatch(l -> l == 0));
        given().get("/feed/stats").then().body("consumerLagError", equalTo(null));
    }
}
