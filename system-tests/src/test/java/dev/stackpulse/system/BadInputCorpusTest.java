package dev.stackpulse.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stackpulse.events.Topics;
import dev.stackpulse.testing.SharedInfra;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * Fault 5: a generated corpus (about 450 requests) of malformed requests against every write endpoint. Every one is answered 4xx
 * (never 5xx), and afterwards every table's row count and every topic's end offsets are unchanged.
 */
class BadInputCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final SystemStack stack = SystemStack.get();

    /** One generated request (raw bytes, so anything can be sent) and why it is invalid. */
    private record Attack(WriteEndpoint endpoint, String description, String contentType, String authorization,
                          byte[] body) {
    }

    @Test
    void everyMalformedRequestIsRefusedAndChangesNothing() throws Exception {
        List<Attack> corpus = new ArrayList<>();
        for (WriteEndpoint endpoint : CorpusEndpoints.all()) {
            corpus.addAll(attacks(endpoint));
        }
        Map<String, Long> rowsBefore = rowCounts();
        Map<TopicPartition, Long> offsetsBefore = endOffsets();

        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new LinkedHashMap<>();
        for (Attack attack : corpus) {
            int status = send(attack);
            statuses.merge(status, 1, Integer::sum);
            if (status < 400 || status >= 500) {
                failures.add(status + " " + attack.endpoint().method() + " " + attack.endpoint().path() + ": "
                        + attack.description());
            }
        }
        Map<String, Long> rowsAfter = rowCounts();
        Map<TopicPartition, Long> offsetsAfter = endOffsets();
        System.out.printf("bad-input corpus: requests=%d statuses=%s not-4xx=%d tables-changed=%s "
                + "topics-changed=%s%n", corpus.size(), statuses, failures.size(), !rowsBefore.equals(rowsAfter),
                !offsetsBefore.equals(offsetsAfter));
        assertTrue(corpus.size() >= 300, "at least 300 generated requests, was " + corpus.size());
        assertEquals(List.of(), failures, "every malformed request is refused with a 4xx");
        assertEquals(rowsBefore, rowsAfter, "row counts unchanged");
        assertEquals(offsetsBefore, offsetsAfter, "topic offsets unchanged");
    }

    private List<Attack> attacks(WriteEndpoint e) throws Exception {
        List<Attack> list = new ArrayList<>();
        String token = SharedInfra.tokens().bearer("corpus", e.role());
        String type = e.contentType();
        for (Map.Entry<String, String> bad : badTokens(e).entrySet()) {
            list.add(new Attack(e, "token: " + bad.getKey(), type, bad.getValue(), bytes(e.validBody())));
        }
        list.add(new Attack(e, "no token", type, null, bytes(e.validBody())));
        if (e.authOnly()) {
            return list;
        }
        for (String body : List.of("", "{", "nul", "[1,2", "{\"a\":}", "{} trailing", "<project/>", "a=b&c=d",
                "{'slug':'x'}", "\uFEFF}{", "{\"" + "x".repeat(10) + "\":" + "[".repeat(2000) + "}")) {
            list.add(new Attack(e, "not JSON: " + abbreviate(body), type, token, bytes(body)));
        }
        for (String wrongType : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/octet-stream", "application/json-patch+json",
                "text/markdown", JSON_TYPE, "application/merge-patch+json")) {
            if (e.acceptedTypes().stream().noneMatch(wrongType::startsWith)) {
                list.add(new Attack(e, "content type " + wrongType, wrongType, token, bytes(e.validBody())));
            }
        }
        list.add(new Attack(e, "invalid UTF-8", type, token, invalidUtf8(e.validBody())));
        ObjectNode valid = (ObjectNode) JSON.readTree(e.validBody());
        for (Iterator<String> it = valid.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            for (Map.Entry<String, Object> wrong : wrongValues(field, e).entrySet()) {
                ObjectNode mutated = valid.deepCopy();
                mutated.set(field, JSON.valueToTree(wrong.getValue()));
                list.add(new Attack(e, field + " " + wrong.getKey(), type, token,
                        bytes(JSON.writeValueAsString(mutated))));
            }
        }
        ObjectNode unknown = valid.deepCopy();
        unknown.put("isAdmin", true);
        list.add(new Attack(e, "unknown field", type, token, bytes(JSON.writeValueAsString(unknown))));
        ObjectNode huge = valid.deepCopy();
        huge.put(valid.fieldNames().next(), "x".repeat(3 * 1024 * 1024));
        list.add(new Attack(e, "3 MiB body", type, token, bytes(JSON.writeValueAsString(huge))));
        return list;
    }

    /** Values that no validation may accept for the field: wrong JSON types, ranges, key syntax, injections. */
    private static Map<String, Object> wrongValues(String field, WriteEndpoint e) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("as object", Map.of("$gt", ""));
        values.put("as array of objects", List.of(Map.of("a", 1)));
        if (e.numericFields().contains(field)) {
            values.put("as text", "ten");
            values.put("overflow", new java.math.BigInteger("99999999999999999999999"));
            values.put("as boolean", true);
        }
        e.invalidValues().getOrDefault(field, List.of()).forEach(v -> values.put("invalid " + v, v));
        if (field.equals(e.keyField())) {
            values.put("SQL injection", "x'; DROP TABLE project; --");
            values.put("path traversal", "../../etc/passwd");
            values.put("markup", "<script>alert(1)</script>");
            values.put("blank", " ");
            values.put("too long", "a".repeat(300));
            values.put("null", null);
        }
        return values;
    }

    private static Map<String, String> badTokens(WriteEndpoint e) {
        var tokens = SharedInfra.tokens();
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("garbage", "Bearer not-a-jwt");
        bad.put("expired", tokens.expired("editor", "admin"));
        bad.put("wrong issuer", tokens.wrongIssuer("editor", "admin"));
        bad.put("wrong audience", tokens.wrongAudience("editor", "admin"));
        bad.put("no role", tokens.bearer("nobody"));
        bad.put("viewer role", tokens.bearer("viewer", "viewer"));
        bad.put("alg none", "Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0."
                + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"sub\":\"x\",\"groups\":[\"admin\"],\"iss\":\"" + dev.stackpulse.testing.TestTokens.ISSUER
                        + "\",\"exp\":4102444800}").getBytes(StandardCharsets.UTF_8)) + ".");
        bad.put("basic auth", "Basic YWRtaW46YWRtaW4=");
        if (e.method().equals("DELETE")) {
            bad.put("editor deleting", tokens.editor());
        }
        return bad;
    }

    private int send(Attack attack) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl(attack.endpoint())
                        + attack.endpoint().path()))
                .timeout(Duration.ofSeconds(30))
                .method(attack.endpoint().method(), HttpRequest.BodyPublishers.ofByteArray(attack.body()));
        if (attack.contentType() != null) {
            request.header("Content-Type", attack.contentType());
        }
        if (attack.authorization() != null) {
            request.header("Authorization", attack.authorization());
        }
        if (attack.endpoint().ifMatch() != null) {
            request.header("If-Match", attack.endpoint().ifMatch());
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException closedKeepAlive) {
            // The server closes the connection after refusing an oversized body; a request that went out on that
            // pooled connection never reached it: send it again on a fresh connection to get its real answer.
            HttpClient fresh = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            return fresh.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

    private String baseUrl(WriteEndpoint e) {
        return switch (e.service()) {
            case "catalog" -> stack.catalog.baseUrl();
            case "summit" -> stack.summit.baseUrl();
            default -> throw new IllegalArgumentException(e.service());
        };
    }

    private static byte[] invalidUtf8(String validBody) {
        byte[] body = validBody.getBytes(StandardCharsets.UTF_8);
        int quote = validBody.indexOf(':') + 2; // inside the first string value
        byte[] out = new byte[body.length + 2];
        System.arraycopy(body, 0, out, 0, quote);
        out[quote] = (byte) 0xC3;
        out[quote + 1] = (byte) 0x28;
        System.arraycopy(body, quote, out, quote + 2, body.length - quote);
        return out;
    }

    private Map<String, Long> rowCounts() throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String db : List.of("catalog", "summit")) {
            try (Connection c = DriverManager.getConnection(stack.infra.jdbcUrl(db), "stackpulse", "stackpulse");
                 Statement s = c.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables "
                        + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                for (String table : tables) {
                    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
                        rs.next();
                        counts.put(db + "." + table, rs.getLong(1));
                    }
                }
            }
        }
        return counts;
    }

    private Map<TopicPartition, Long> endOffsets() throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.infra.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            Map<TopicPartition, OffsetSpec> request = new LinkedHashMap<>();
            for (String topic : List.of(Topics.CATALOG, Topics.SUMMIT)) {
                for (int p = 0; p < 3; p++) {
                    request.put(new TopicPartition(topic, p), OffsetSpec.latest());
                }
            }
            Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
            admin.listOffsets(request).all().get().forEach((tp, info) -> offsets.put(tp, info.offset()));
            return offsets;
        }
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }
}
