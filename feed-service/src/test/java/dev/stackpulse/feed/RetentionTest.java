package dev.stackpulse.feed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackpulse.testing.SharedInfra;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Retention prunes a prefix of the feed; a cursor inside it gets 410 Gone (pages and stream alike). */
@QuarkusTest
class RetentionTest {

    @TestHTTPResource("/feed/stream")
    URL stream;

    @Test
    void aCursorOlderThanTheRetentionWindowIsGone() throws Exception {
        String subject = "ret-" + UUID.randomUUID();
        try (Events events = new Events(SharedInfra.infra().bootstrapServers())) {
            for (int v = 0; v < 3; v++) {
                events.send(Events.catalog(subject, "updated", v));
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().queryParam("subject", subject)
                .get("/feed").jsonPath().getList("items").size() == 3);
        List<Long> p = given().queryParam("subject", subject).get("/feed").jsonPath()
                .getList("items.position", Long.class);

        given().post("/feed/admin/prune?through=" + p.get(1)).then().statusCode(401);
        given().header("Authorization", SharedInfra.tokens().editor()).post("/feed/admin/prune?through=" + p.get(1))
                .then().statusCode(403);
        given().header("Authorization", SharedInfra.tokens().admin()).post("/feed/admin/prune?through=" + p.get(1))
                .then().statusCode(200).body("prunedThrough", equalTo(p.get(1).intValue()));

        given().queryParam("after", p.get(0)).get("/feed").then().statusCode(410)
                .contentType("application/problem+json").body("errors[0].field", equalTo("after"))
                .body("detail", containsString("after=0")).body("detail", containsString("/feed/entities"));
        given().queryParam("after", p.get(1)).queryParam("subject", subject).get("/feed").then().statusCode(200)
                .body("items.position", equalTo(List.of(p.get(2).intValue())));
        given().queryParam("after", 0).get("/feed").then().statusCode(200)
                .body("items.position", not(hasItem(p.get(1).intValue())));
        // The entity's latest state survives pruning: that is where a client that got 410 rebuilds from.
        given().get("/feed/entities/catalog-service/{subject}", subject).then().statusCode(200)
                .body("version", equalTo(2));

        try (SseClient expired = new SseClient(stream.toString(), Map.of("Last-Event-ID", p.get(0).toString()))) {
            assertEquals(410, expired.status());
            assertTrue(expired.contentType().startsWith("application/problem+json"));
            assertTrue(expired.errorBody().contains("Last-Event-ID"));
        }
        try (SseClient kept = new SseClient(stream + "?after=" + p.get(1) + "&subject=" + subject, Map.of())) {
            assertEquals(200, kept.status());
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> kept.ids().equals(List.of(p.get(2))));
        }
    }

    @Test
    void pruneNeedsExactlyOneBound() {
        given().header("Authorization", SharedInfra.tokens().admin()).post("/feed/admin/prune").then()
                .statusCode(400).contentType("application/problem+json");
    }
}
