package dev.stackpulse.testing;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.net.URL;

/**
 * RestAssured requests to a service's management interface (/q/health, /q/metrics, /q/openapi), which listens on a
 * port of its own; the URL is a test's {@code @TestHTTPResource(value = "", management = true)} field.
 */
public final class ManagementRequests {

    private ManagementRequests() {
    }

    /** A request to the management port; paths stay as served, e.g. {@code /q/health/ready}. */
    public static RequestSpecification given(URL management) {
        // The port explicitly: RestAssured's default port (the API's test port) would win over the URI's.
        return RestAssured.given().baseUri(management.getProtocol() + "://" + management.getHost())
                .port(management.getPort());
    }
}
