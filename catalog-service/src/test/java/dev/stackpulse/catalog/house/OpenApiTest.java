package dev.stackpulse.catalog.house;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The catalog's own OpenAPI document follows docs/api.md (the cross-service lint in system-tests checks all three). */
@QuarkusTest
class OpenApiTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");

    @Test
    void everyOperationFollowsTheConvention() throws Exception {
        String text = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        // Kept for reading by hand (and for the lead's lint): target/openapi.json.
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/openapi.json"), text);
        JsonNode doc = new ObjectMapper().readTree(text);
        List<String> wrong = new ArrayList<>();
        int lists = 0;
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            if (path.getKey().startsWith("/problems") || path.getKey().startsWith("/test-only")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode o = op.getValue();
                if (o.path("summary").asText().isBlank() || o.path("description").asText().isBlank()) {
                    wrong.add(where + ": summary and description");
                }
                boolean list = false;
                for (JsonNode p : o.path("parameters")) {
                    String name = p.path("name").asText();
                    list |= name.equals("after");
                    if (name.equals("limit") && !(p.path("schema").path("type").asText().equals("integer")
                            && p.path("schema").path("minimum").asInt() == 1
                            && p.path("schema").path("maximum").asInt() == 500)) {
                        wrong.add(where + ": limit is an integer 1-500");
                    }
                    if (name.matches("min[A-Z].*") && !p.path("schema").path("type").asText().equals("integer")) {
                        wrong.add(where + ": " + name + " is an integer");
                    }
                }
                JsonNode body = o.path("requestBody").path("content");
                body.properties().forEach(c -> {
                    if (c.getValue().path("examples").isEmpty() && c.getValue().path("example").isMissingNode()) {
                        wrong.add(where + ": request body example");
                    }
                });
                for (Map.Entry<String, JsonNode> response : o.path("responses").properties()) {
                    String status = response.getKey();
                    JsonNode content = response.getValue().path("content");
                    if (status.matches("[45]..") && content.path("application/problem+json").path("schema")
                            .isMissingNode()) {
                        wrong.add(where + " " + status + ": a problem+json schema");
                    }
                    if (status.matches("20[01]") && !content.isMissingNode()) {
                        JsonNode json = content.path("application/json");
                        if (json.path("examples").isEmpty() && json.path("example").isMissingNode()) {
                            wrong.add(where + " " + status + ": an example");
                        }
                        if (json.path("schema").isMissingNode()) {
                            wrong.add(where + " " + status + ": a schema");
                        }
                    }
                }
                if (list) {
                    lists++;
                    JsonNode ok = o.path("responses").path("200");
                    if (ok.path("headers").path("Link").isMissingNode()) {
                        wrong.add(where + ": the Link header");
                    }
                    JsonNode envelope = ok.path("content").path("application/json").path("schema");
                    if (envelope.has("$ref")) {
                        envelope = doc.path("components").path("schemas")
                                .path(envelope.path("$ref").asText().replace("#/components/schemas/", ""));
                    }
                    JsonNode props = envelope.path("properties");
                    if (!props.path("items").path("type").asText().equals("array")
                            || props.path("items").path("items").isMissingNode()
                            || !props.path("limit").path("type").asText().equals("integer")
                            || !props.path("next").path("type").toString().contains("string")) {
                        wrong.add(where + ": the list envelope (items, limit, next), was " + envelope);
                    }
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertTrue(lists == 3, "three lists: /projects, /releases, /releases/{name}/highlights; saw " + lists);
    }
}
