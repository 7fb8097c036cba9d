package dev.stackpulse.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.RestAssured;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Health, metrics, OpenAPI and Swagger UI answer on the management port only; the API port answers 404 for them.
 * Each service extends it in a {@code @QuarkusTest} (RestAssured's default port is the API's test port).
 */
public abstract class ManagementInterfaceContract {

    /** What operators and Prometheus read; clients of the API never see it. */
    static final List<String> MANAGEMENT_PATHS = List.of("/q/health", "/q/health/live", "/q/health/ready",
            "/q/health/started", "/q/metrics", "/q/openapi", "/q/openapi?format=json", "/q/swagger-ui/");

    /** The management interface's root, http://localhost:port/q. */
    @TestHTTPResource(value = "", management = true)
    URL management;

    @Test
    void healthMetricsAndOpenApiAnswerOnTheManagementPortOnly() {
        assertNotEquals(RestAssured.port, management.getPort(), "a port of its own");
        for (String path : MANAGEMENT_PATHS) {
            assertEquals(404, given().redirects().follow(false).get(path).statusCode(), "API port: " + path);
            assertEquals(200, ManagementRequests.given(management).get(path).statusCode(),
                    "management port: " + path);
        }
    }

    @Test
    void theApiItselfIsNotOnTheManagementPort() {
        assertEquals(404, ManagementRequests.given(management).get(apiPath()).statusCode());
        assertEquals(200, given().get(apiPath()).statusCode());
    }

    /** A public GET of the service's API that answers 200. */
    protected abstract String apiPath();
}
