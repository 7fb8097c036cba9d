package dev.stackpulse.summit;

import static dev.stackpulse.summit.Api.asEditor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stackpulse.summit.summit.Summit;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/** A PUT is one UPDATE, the outbox INSERT and the commit: it never reads (or locks) the summit first (issue 12). */
@QuarkusTest
class SummitWriteCostTest {

    @Inject
    EntityManagerFactory emf;

    @Test
    void putUpdatesWithoutReadingTheRowFirst() {
        String slug = Api.unique("cost");
        Api.createSummit(slug);
        String createdAt = given().get("/summits/" + slug).path("createdAt");
        Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
        stats.setStatisticsEnabled(true);
        stats.clear();
        try {
            asEditor().header("If-Match", "\"0\"").body(Api.summit(slug, 2033, null)).put("/summits/" + slug)
                    .then().statusCode(200).header("ETag", "\"1\"").body("version", equalTo(1))
                    .body("attendees", nullValue()).body("createdAt", equalTo(createdAt));
            assertEquals(0, stats.getEntityStatistics(Summit.class.getName()).getLoadCount(),
                    "the summit is not read before its update");
        } finally {
            stats.setStatisticsEnabled(false);
        }
        asEditor().header("If-Match", "\"0\"").body(Api.summit(slug, 2034, 5)).put("/summits/" + slug)
                .then().statusCode(412);
        given().get("/summits/" + slug).then().body("version", equalTo(1)).body("attendees", nullValue())
                .body("createdAt", equalTo(createdAt));
    }
}
