package dev.stackpulse.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackpulse.testing.LocalInfraProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;

/**
 * The OpenAPI documents ({@code /q/openapi?format=json}, served on each management port) of the three packaged
 * services of the {@link SystemStack}, fetched once per test JVM and written to
 * {@code system-tests/target/openapi/<service>.json}.
 */
final class OpenApiDocuments {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static Map<String, Document> documents;

    /** One service's document and where it was written. */
    record Document(String service, JsonNode root, Path file) {
    }

    private OpenApiDocuments() {
    }

    static synchronized Map<String, Document> all() {
        if (documents == null) {
            SystemStack stack = SystemStack.get();
            Path dir = LocalInfraProcess.projectRoot().resolve("system-tests/target/openapi");
            Map<String, Document> fetched = new LinkedHashMap<>();
            for (ServiceProcess service : List.of(stack.catalog, stack.summit, stack.feed)) {
                String body = fetch(service.managementUrl() + "/q/openapi?format=json");
                try {
                    Files.createDirectories(dir);
                    Path file = dir.resolve(service.name() + ".json");
                    Files.writeString(file, body);
                    fetched.put(service.name(), new Document(service.name(), JSON.readTree(body), file));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            documents = fetched;
        }
        return documents;
    }

    static List<String> services() {
        return List.of("catalog-service", "summit-service", "feed-service");
    }

    private static String fetch(String url) {
        AtomicReference<String> body = new AtomicReference<>();
        // a fault test that ran before may still be bringing a service back
        Awaitility.await("GET " + url).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> {
                    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
                    body.set(response.body());
                    return response.statusCode() == 200;
                });
        return body.get();
    }
}
