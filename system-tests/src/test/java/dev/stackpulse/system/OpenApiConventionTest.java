package dev.stackpulse.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Walks the OpenAPI documents of the three packaged services and checks the convention of docs/api.md: lists,
 * operations, parameters, errors and examples. Each test names every offending operation of every service.
 */
class OpenApiConventionTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete", "head", "options");
    /** Query parameters that mark a paged list, whatever its paging scheme. */
    private static final Set<String> PAGING = Set.of("after", "limit", "page", "size", "offset", "cursor", "pageSize");
    private static final String PROBLEM = "application/problem+json";
    private static final JsonNode JSON_EMPTY = OpenApiDocuments.JSON.createObjectNode();

    /** One operation of one service's document. */
    record Operation(String service, JsonNode root, String method, String path, JsonNode node) {

        @Override
        public String toString() {
            return service + " " + method.toUpperCase() + " " + path;
        }

        /** The node, or what its $ref points to (repeatedly). */
        JsonNode resolve(JsonNode n) {
            JsonNode current = n;
            for (int i = 0; current != null && current.has("$ref") && i < 20; i++) {
                String ref = current.get("$ref").asText();
                current = ref.startsWith("#") ? root.at(ref.substring(1)) : null;
            }
            return current == null || current.isMissingNode() ? null : current;
        }

        /** Path-level and operation-level parameters, resolved. */
        List<JsonNode> parameters() {
            List<JsonNode> out = new ArrayList<>();
            root.path("paths").path(path).path("parameters").forEach(p -> out.add(resolve(p)));
            node.path("parameters").forEach(p -> out.add(resolve(p)));
            out.removeIf(p -> p == null);
            return out;
        }

        JsonNode parameter(String in, String name) {
            return parameters().stream().filter(p -> in.equals(p.path("in").asText()) && name.equals(p.path("name").asText()))
                    .findFirst().orElse(null);
        }

        JsonNode response(String status) {
            return resolve(node.path("responses").path(status));
        }

        /** The application/json media of the 200 response, or null if it has no JSON body. */
        JsonNode okJson() {
            JsonNode ok = response("200");
            if (ok == null) {
                return null;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = ok.path("content").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> media = it.next();
                if (media.getKey().startsWith("application/json")) {
                    return media.getValue();
                }
            }
            return null;
        }

        /** The JSON schema of the 200 response, resolved (empty if none is documented), or null without a JSON body. */
        JsonNode okJsonSchema() {
            JsonNode media = okJson();
            if (media == null) {
                return null;
            }
            JsonNode schema = resolve(media.path("schema"));
            return schema == null ? JSON_EMPTY : schema;
        }

        /** Whether the 200 response's JSON example (the first one) is an array: a bare list. */
        boolean okExampleIsArray() {
            JsonNode media = okJson();
            if (media == null) {
                return false;
            }
            if (media.has("example")) {
                return media.get("example").isArray();
            }
            Iterator<JsonNode> examples = media.path("examples").elements();
            return examples.hasNext() && resolve(examples.next()).path("value").isArray();
        }
    }

    static List<Operation> operations() {
        return operations(OpenApiDocuments.all());
    }

    static List<Operation> operations(Map<String, OpenApiDocuments.Document> documents) {
        List<Operation> out = new ArrayList<>();
        documents.forEach((service, document) -> {
            JsonNode root = document.root();
            for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    if (METHODS.contains(op.getKey())) {
                        out.add(new Operation(service, root, op.getKey(), path.getKey(), op.getValue()));
                    }
                }
            }
        });
        return out;
    }

    @Test
    void theThreeServicesPublishTheirDocuments() {
        assertEquals(OpenApiDocuments.services(), List.copyOf(OpenApiDocuments.all().keySet()));
        for (String service : OpenApiDocuments.services()) {
            assertTrue(operations().stream().anyMatch(o -> o.service().equals(service)), service + " has no operation");
        }
    }

    @Test
    void everyOperationHasASummaryAndADescription() {
        check("every operation has a summary and a description", (op, problems) -> {
            if (op.node().path("summary").asText("").isBlank()) {
                problems.add("no summary");
            }
            if (op.node().path("description").asText("").isBlank()) {
                problems.add("no description");
            }
        });
    }

    @Test
    void everyParameterHasATypeAndNumericOnesAreBoundedIntegers() {
        check("every parameter has a schema type; numeric ones are integer with minimum and maximum", (op, problems) -> {
            for (JsonNode p : op.parameters()) {
                String name = p.path("in").asText() + " parameter '" + p.path("name").asText() + "'";
                JsonNode schema = op.resolve(p.path("schema"));
                Set<String> types = types(op, schema);
                if (types.isEmpty()) {
                    problems.add(name + " has no schema type");
                } else if (types.contains("number")) {
                    problems.add(name + " is a number: use integer with minimum and maximum");
                } else if (types.contains("integer") && (!schema.has("minimum") || !schema.has("maximum"))) {
                    problems.add(name + " is an integer without minimum and maximum");
                } else if (types.contains("string") && numericByName(p.path("name").asText())) {
                    problems.add(name + " is typed string but holds a number: integer with minimum and maximum");
                }
            }
        });
    }

    /** Parameters whose values are numbers wherever they appear: paging, and the min/max range filters. */
    private static boolean numericByName(String name) {
        return Set.of("limit", "page", "size", "offset", "pageSize").contains(name) || name.matches("(min|max)[A-Z].*");
    }

    @Test
    void everyErrorResponseIsAProblem() {
        check("every 4xx/5xx response is application/problem+json", (op, problems) ->
                op.node().path("responses").fieldNames().forEachRemaining(status -> {
                    if (status.startsWith("4") || status.startsWith("5")) {
                        JsonNode response = op.response(status);
                        if (response == null || !response.path("content").has(PROBLEM)) {
                            problems.add(status + " is not " + PROBLEM);
                        }
                    }
                }));
    }

    @Test
    void everyRequestBodyAndSuccessResponseHasAnExample() {
        check("every request body and 200/201 response body has an example", (op, problems) -> {
            JsonNode body = op.resolve(op.node().path("requestBody"));
            if (body != null) {
                examples(op, "request body", body, problems);
            }
            for (String status : List.of("200", "201")) {
                JsonNode response = op.response(status);
                if (response != null) {
                    examples(op, status + " response", response, problems);
                }
            }
        });
    }

    @Test
    void everyListAnswersTheEnvelopeAndPagesByCursor() {
        List<Operation> lists = operations().stream().filter(OpenApiConventionTest::isList).toList();
        assertTrue(lists.stream().map(Operation::service).collect(Collectors.toSet())
                .containsAll(OpenApiDocuments.services()), "each service has a list endpoint: " + lists);
        check("every list answers {items, limit, next}, takes after (string) and limit (integer 1..500) and "
                + "documents a Link header (docs/api.md, Lists)", (op, problems) -> {
            if (!isList(op)) {
                return;
            }
            JsonNode schema = op.okJsonSchema();
            if (types(op, schema).contains("array") || (types(op, schema).isEmpty() && op.okExampleIsArray())) {
                problems.add("answers a bare array, not the envelope");
            } else if (!schema.has("properties")) {
                problems.add("200 response documents no envelope schema (want {items, limit, next})");
            } else {
                JsonNode props = schema.path("properties");
                Set<String> fields = new java.util.TreeSet<>();
                props.fieldNames().forEachRemaining(fields::add);
                if (!fields.equals(Set.of("items", "limit", "next"))) {
                    problems.add("envelope fields " + fields + " (want [items, limit, next])");
                }
                expectType(op, props.path("items"), "array", "envelope 'items'", problems);
                expectType(op, props.path("limit"), "integer", "envelope 'limit'", problems);
                expectType(op, props.path("next"), "string", "envelope 'next'", problems);
            }
            JsonNode after = op.parameter("query", "after");
            if (after == null) {
                problems.add("no query parameter 'after'");
            } else {
                expectType(op, after.path("schema"), "string", "'after'", problems);
            }
            JsonNode limit = op.parameter("query", "limit");
            if (limit == null) {
                problems.add("no query parameter 'limit'");
            } else {
                JsonNode s = op.resolve(limit.path("schema"));
                if (!types(op, s).contains("integer") || s.path("minimum").asLong(-1) != 1 || s.path("maximum").asLong(-1) != 500) {
                    problems.add("'limit' is " + s + " (want integer, minimum 1, maximum 500)");
                }
            }
            for (String other : List.of("page", "size", "offset", "cursor", "pageSize")) {
                if (op.parameter("query", other) != null) {
                    problems.add("pages by '" + other + "' besides after/limit");
                }
            }
            JsonNode headers = op.response("200").path("headers");
            boolean link = false;
            for (Iterator<String> it = headers.fieldNames(); it.hasNext(); ) {
                link |= it.next().equalsIgnoreCase("Link");
            }
            if (!link) {
                problems.add("200 response documents no Link header");
            }
        });
    }

    /**
     * A GET answering JSON that is (or whose example is) an array, an envelope (items with limit or next), or that
     * takes a paging parameter. An entity that merely has an {@code items} field (a session's action items) is not.
     */
    static boolean isList(Operation op) {
        if (!op.method().equals("get") || op.okJsonSchema() == null) {
            return false;
        }
        JsonNode schema = op.okJsonSchema();
        return types(op, schema).contains("array") || op.okExampleIsArray() || (schema.path("properties").has("items")
                && (schema.path("properties").has("limit") || schema.path("properties").has("next")))
                || PAGING.stream().anyMatch(p -> op.parameter("query", p) != null);
    }

    private static void expectType(Operation op, JsonNode schemaNode, String type, String what, List<String> problems) {
        Set<String> types = types(op, schemaNode);
        if (!types.contains(type)) {
            problems.add(what + " is " + (types.isEmpty() ? "untyped" : types) + " (want " + type + ")");
        }
    }

    private static void examples(Operation op, String what, JsonNode withContent, List<String> problems) {
        for (Iterator<Map.Entry<String, JsonNode>> it = withContent.path("content").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> media = it.next();
            JsonNode m = media.getValue();
            JsonNode schema = op.resolve(m.path("schema"));
            boolean has = m.has("example") || m.path("examples").size() > 0
                    || (schema != null && (schema.has("example") || schema.path("examples").size() > 0));
            if (!has) {
                problems.add(what + " (" + media.getKey() + ") has no example");
            }
        }
    }

    /** The schema's type(s), through $ref and oneOf/anyOf/allOf: OpenAPI 3.1 allows a list (["string", "null"]). */
    static Set<String> types(Operation op, JsonNode schemaNode) {
        Set<String> out = new java.util.TreeSet<>();
        JsonNode schema = schemaNode == null ? null : op.resolve(schemaNode);
        if (schema == null) {
            return out;
        }
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            out.add(type.asText());
        } else if (type.isArray()) {
            type.forEach(t -> out.add(t.asText()));
        }
        for (String combinator : List.of("oneOf", "anyOf", "allOf")) {
            schema.path(combinator).forEach(s -> out.addAll(types(op, s)));
        }
        return out;
    }

    /** Runs the rule on every operation of every service and fails listing every operation that breaks it. */
    private static void check(String rule, BiConsumer<Operation, List<String>> inspect) {
        List<String> offending = new ArrayList<>();
        for (Operation op : operations()) {
            List<String> problems = new ArrayList<>();
            inspect.accept(op, problems);
            if (!problems.isEmpty()) {
                offending.add(op + ": " + String.join("; ", problems));
            }
        }
        assertTrue(offending.isEmpty(), "docs/api.md: " + rule + ". " + offending.size() + " operation(s) break it:\n  "
                + String.join("\n  ", offending));
    }
}
