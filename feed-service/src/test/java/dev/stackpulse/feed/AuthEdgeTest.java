package dev.stackpulse.feed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;

import dev.stackpulse.testing.SharedInfra;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** feed-service's admin endpoints follow the same authentication edges as the other services (web-support). */
@QuarkusTest
class AuthEdgeTest {

    @Test
    void aMissingTokenIsAChallengeAndADecadesLongTokenIsRefused() {
        given().queryParam("through", 0).post("/feed/admin/prune").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer")).contentType("application/problem+json");
        String untilYear2100 = SharedInfra.tokens().bearerUntil(Instant.parse("2100-01-01T00:00:00Z"), "forever",
                "admin");
        given().header("Authorization", untilYear2100).queryParam("through", 0).post("/feed/admin/prune")
                .then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
        given().header("Authorization", SharedInfra.tokens().admin()).queryParam("through", 0)
                .post("/feed/admin/prune").then().statusCode(200);
    }
}
