package dev.stackpulse.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackpulse.testing.LocalInfraProcess;
import dev.stackpulse.testing.SharedInfra;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two catalog-service replicas on one database, each answering GET /projects/{slug} from its read model: a write
 * acknowledged by one is served by the other within 100 ms, and the writer's ETag never gets an older
 * representation from the other replica (304 or the new version, nothing else).
 */
class CatalogReplicasTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final int WRITES = 40;
    private static final long DEADLINE_NANOS = Duration.ofMillis(100).toNanos();

    private static SystemStack stack;
    private static ServiceProcess other;

    @BeforeAll
    static void start() {
        stack = SystemStack.get();
        Path root = LocalInfraProcess.projectRoot();
        other = new ServiceProcess("catalog-service", SystemStack.freePort(), stack.env("catalog"), root,
                root.resolve("system-tests/target/service-logs"));
        other.start();
    }

    @AfterAll
    static void stop() {
        if (other != null) {
            other.stop();
        }
    }

    @Test
    void theOtherReplicaServesEachWriteWithin100msAndNeverAnOlderOneForTheWritersTag() throws Exception {
        String writer = stack.catalog.baseUrl();
        String reader = other.baseUrl();
        String slug = "replica-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(writer + "/projects"))
                .header("Content-Type", "application/json").header("Authorization", SharedInfra.tokens().editor())
                .POST(HttpRequest.BodyPublishers.ofString(body(slug, 0))).build());
        assertEquals(201, created.statusCode(), created.body());
        List<Long> delays = new ArrayList<>();
        for (int i = 1; i <= WRITES; i++) {
            // The reader holds the current version in its read model before each write.
            assertEquals(200, get(reader, slug, null).statusCode());
            HttpResponse<String> put = send(HttpRequest.newBuilder(URI.create(writer + "/projects/" + slug))
                    .header("Content-Type", "application/json")
                    .header("Authorization", SharedInfra.tokens().editor())
                    .PUT(HttpRequest.BodyPublishers.ofString(body(slug, i))).build());
            long acknowledged = System.nanoTime();
            assertEquals(200, put.statusCode(), put.body());
            String tag = put.headers().firstValue("ETag").orElseThrow();

            // The writer's tag: the other replica answers 304 (it has that version) or the version itself.
            HttpResponse<String> conditional = get(reader, slug, tag);
            assertTrue(conditional.statusCode() == 304 || (conditional.statusCode() == 200
                            && tag.equals(conditional.headers().firstValue("ETag").orElse(null))),
                    "write " + i + ": If-None-Match " + tag + " got " + conditional.statusCode() + " "
                            + conditional.headers().firstValue("ETag").orElse("") + " " + conditional.body());

            // A plain read on the other replica: the new version once it arrived, timed from the acknowledgement.
            long seen = -1;
            while (System.nanoTime() - acknowledged < Duration.ofSeconds(5).toNanos()) {
                HttpResponse<String> plain = get(reader, slug, null);
                if (tag.equals(plain.headers().firstValue("ETag").orElse(null))) {
                    seen = System.nanoTime() - acknowledged;
                    break;
                }
            }
            assertTrue(seen >= 0, "write " + i + " (" + tag + ") never reached the other replica");
            delays.add(seen);
        }
        Collections.sort(delays);
        long max = delays.get(delays.size() - 1);
        System.out.printf("catalog replicas: %d writes, ack -> other replica serves it: median %.1f ms, max %.1f ms%n",
                WRITES, delays.get(WRITES / 2) / 1e6, max / 1e6);
        assertTrue(max <= DEADLINE_NANOS, "slowest write reached the other replica after " + max / 1e6 + " ms");
    }

    private static String body(String slug, int sdks) {
        return """
                {"slug":"%s","name":"Replica %s","serviceName":"Test service","serviceType":"test",
                 "tier":"optional","sdkCount":%d}""".formatted(slug, slug, sdks);
    }

    private static HttpResponse<String> get(String base, String slug, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/projects/" + slug))
                .timeout(Duration.ofSeconds(5)).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return send(request.build());
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
