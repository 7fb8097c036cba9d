package dev.stackpulse.system;

import static io.restassured.RestAssured.given;

import dev.stackpulse.testing.SharedInfra;
import io.restassured.response.Response;

/** The acknowledged writes the fault tests make, in one place so the request shapes live together. */
final class Writes {

    private final SystemStack stack;

    Writes(SystemStack stack) {
        this.stack = stack;
    }

    Response createProject(String slug) {
        return given().baseUri(stack.catalog.baseUrl()).contentType("application/json")
                .header("Authorization", SharedInfra.tokens().editor())
                .body("""
                        {"slug":"%s","name":"Project %s","serviceName":"Test service","serviceType":"test",
                         "tier":"optional"}""".formatted(slug, slug))
                .post("/projects");
    }

    Response createSummit(String slug) {
        return given().baseUri(stack.summit.baseUrl()).contentType("application/json")
                .header("Authorization", SharedInfra.tokens().editor())
                .body("""
                        {"slug":"%s","city":"Testville","season":"Spring 2030",
                         "startDate":"2030-04-01","endDate":"2030-04-03","status":"planned"}""".formatted(slug))
                .post("/summits");
    }
}
