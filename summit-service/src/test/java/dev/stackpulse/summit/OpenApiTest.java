package dev.stackpulse.summit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** summit-service's OpenAPI document follows docs/api.md: described operations, typed parameters, examples, problems. */
@QuarkusTest
class OpenApiTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");
    private static final Set<String> LISTS = Set.of("/summits", "/sessions", "/sessions/{id}/notes/revisions");

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationFollowsTheConvention() throws IOException {
        String json = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        Files.writeString(Path.of("target/openapi.json"), json); // to read by hand
        Map<String, Object> document = JsonPath.from(json).getMap("$");
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        List<String> faults = new ArrayList<>();
        int operations = 0;
        for (var path : paths.entrySet()) {
            if (path.getKey().startsWith("/test-only")) {
                continue;
            }
            for (var op : path.getValue().entrySet()) {
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                operations++;
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                Map<String, Object> operation = (Map<String, Object>) op.getValue();
                if (blank(operation.get("summary")) || blank(operation.get("description"))) {
                    faults.add(where + ": summary and description");
                }
                List<Map<String, Object>> parameters = (List<Map<String, Object>>) operation.getOrDefault("parameters",
                        List.of());
                for (Map<String, Object> p : parameters) {
                    Map<String, Object> schema = (Map<String, Object>) p.get("schema");
                    if (Set.of("limit", "year", "from", "to", "n").contains(p.get("name"))
                            && (schema == null || !"integer".equals(schema.get("type")) || schema.get("minimum") == null
                            || schema.get("maximum") == null)) {
                        faults.add(where + ": parameter " + p.get("name") + " is a bounded integer");
                    }
                }
                Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
                if (body != null) {
                    for (var media : ((Map<String, Map<String, Object>>) body.get("content")).entrySet()) {
                        if (!media.getValue().containsKey("examples") && !media.getValue().containsKey("example")) {
                            faults.add(where + ": request body " + media.getKey() + " has an example");
                        }
                    }
                }
                Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
                for (var response : responses.entrySet()) {
                    int status = Integer.parseInt(response.getKey());
                    Map<String, Map<String, Object>> content = (Map<String, Map<String, Object>>) response.getValue()
                            .get("content");
                    if (status >= 400 && (content == null || !content.containsKey("application/problem+json"))) {
                        faults.add(where + ": " + status + " is application/problem+json");
                    }
                    if ((status == 200 || status == 201) && (content == null || content.values().stream()
                            .anyMatch(m -> !m.containsKey("examples") && !m.containsKey("example")))) {
                        faults.add(where + ": " + status + " has an example");
                    }
                }
                if (op.getKey().equals("get") && LISTS.contains(path.getKey())) {
                    List<Object> names = parameters.stream().map(p -> p.get("name")).toList();
                    if (!names.containsAll(List.of("limit", "after"))) {
                        faults.add(where + ": a list takes limit and after");
                    }
                    Map<String, Object> ok = responses.get("200");
                    if (ok.get("headers") == null || !((Map<String, Object>) ok.get("headers")).containsKey("Link")) {
                        faults.add(where + ": a list documents the Link header");
                    }
                    String ref = (String) ((Map<String, Object>) ((Map<String, Map<String, Object>>) ok.get("content"))
                            .get("application/json").get("schema")).get("$ref");
                    Map<String, Object> schema = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                            document.get("components")).get("schemas")).get(ref.substring(ref.lastIndexOf('/') + 1));
                    if (!((Map<String, Object>) schema.get("properties")).keySet().equals(Set.of("items", "limit", "next"))) {
                        faults.add(where + ": the list envelope is {items, limit, next}");
                    }
                }
            }
        }
        assertTrue(operations >= 27, "operations: " + operations);
        assertEquals(List.of(), faults);
    }

    private static boolean blank(Object text) {
        return text == null || text.toString().isBlank();
    }
}
