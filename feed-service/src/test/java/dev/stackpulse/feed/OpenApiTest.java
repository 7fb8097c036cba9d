package dev.stackpulse.feed;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The feed's /q/openapi as docs/api.md wants it: described operations, typed parameters, examples, problem errors. */
@QuarkusTest
class OpenApiTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationIsDescribedTypedExemplifiedAndItsErrorsAreProblems() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        List<String> missing = new ArrayList<>();
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/feed")) {
                continue; // /problems is web-support's
            }
            for (var op : path.getValue().entrySet()) {
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                Map<String, Object> operation = (Map<String, Object>) op.getValue();
                for (String field : List.of("summary", "description")) {
                    if (operation.get(field) == null || operation.get(field).toString().isBlank()) {
                        missing.add(where + ": no " + field);
                    }
                }
                for (Map<String, Object> parameter : (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of())) {
                    Map<String, Object> schema = (Map<String, Object>) parameter.get("schema");
                    if (schema == null || schema.get("type") == null) {
                        missing.add(where + ": parameter " + parameter.get("name") + " untyped");
                    } else if ("integer".equals(schema.get("type")) && schema.get("minimum") == null) {
                        missing.add(where + ": parameter " + parameter.get("name") + " without minimum");
                    }
                }
                Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
                for (var response : responses.entrySet()) {
                    int status = Integer.parseInt(response.getKey());
                    Map<String, Map<String, Object>> content =
                            (Map<String, Map<String, Object>>) response.getValue().getOrDefault("content", Map.of());
                    if (status >= 400 && !content.containsKey("application/problem+json")) {
                        missing.add(where + ": " + status + " not application/problem+json");
                    }
                    if (status == 200 && content.values().stream().noneMatch(c -> c.get("examples") != null
                            || c.get("example") != null)) {
                        missing.add(where + ": 200 without an example");
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void theFeedAndHistoryDocumentTheListEnvelopeAndTheLinkHeader() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        for (String path : List.of("/feed", "/feed/entities/{source}/{subject}/history")) {
            String ok = "paths.'" + path + "'.get.responses.'200'";
            assertEquals(Map.of("type", "string"), doc.getMap(ok + ".headers.Link.schema"), path);
            String schema = ok + ".content.'application/json'.schema";
            String ref = doc.getString(schema + ".$ref");
            Map<String, Object> properties = doc.getMap((ref == null ? schema
                    : "components.schemas." + ref.substring(ref.lastIndexOf('/') + 1)) + ".properties");
            assertEquals("array", doc.getString(schema + ".properties.items.type"), path);
            assertEquals("#/components/schemas/FeedEntryView", doc.getString(schema + ".properties.items.items.$ref"),
                    path);
            assertEquals(List.of("items", "limit", "next"), properties.keySet().stream().sorted().toList(), path);
            String limit = "paths.'" + path + "'.get.parameters.find { it.name == 'limit' }.schema";
            assertEquals(Map.of("type", "integer", "minimum", 1, "maximum", 500, "default", 50),
                    doc.getMap(limit), path);
        }
    }
}
