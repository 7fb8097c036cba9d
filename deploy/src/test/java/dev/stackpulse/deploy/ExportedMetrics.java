package dev.stackpulse.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Prometheus series the services export, read at test time: the meters the code registers (Micrometer
 * builders and MeterRegistry shortcuts in the services and the modules they share), named as Micrometer's
 * Prometheus registry names them, plus the series of the Quarkus binders a service enables (HTTP server with
 * quarkus-rest; Kafka client metrics for a service with an incoming Kafka channel).
 */
final class ExportedMetrics {

    /** Modules whose main code runs inside a service. */
    static final List<String> MODULES = List.of("catalog-service", "summit-service", "feed-service", "outbox",
            "web-support", "event-contract");
    private static final Pattern METER = Pattern.compile(
            "(Gauge|Counter|Timer)\\.builder\\(\\s*\"([^\"]+)\"|\\.(counter|gauge|gaugeCollectionSize|gaugeMapSize|timer)\\(\\s*\"([^\"]+)\"");
    /** Quarkus Micrometer's HTTP server binder: a Timer http.server.requests{method,uri,status,outcome}. */
    static final Set<String> HTTP_SERVER = Set.of("http_server_requests_seconds_count", "http_server_requests_seconds_sum",
            "http_server_requests_seconds_max");
    /** Kafka consumer fetch metrics (Micrometer KafkaClientMetrics, bound by Quarkus for every consumer). */
    static final Set<String> KAFKA_CONSUMER = Set.of("kafka_consumer_fetch_manager_records_lag_max",
            "kafka_consumer_fetch_manager_records_lag", "kafka_consumer_fetch_manager_records_consumed_total");

    private ExportedMetrics() {
    }

    static Set<String> all() {
        Set<String> names = new TreeSet<>();
        for (String module : MODULES) {
            names.addAll(registeredIn(ServiceConfig.root().resolve(module).resolve("src/main/java")));
        }
        for (String service : ServiceConfig.SERVICES) {
            ServiceConfig config = ServiceConfig.load(service);
            if (config.metricsPath() == null) {
                continue;
            }
            if (config.hasDependency("quarkus-rest") && !"false".equals(config.value("quarkus.micrometer.binder.http-server.enabled", "true"))) {
                names.addAll(HTTP_SERVER);
            }
            boolean consumes = config.properties().entrySet().stream().anyMatch(e ->
                    e.getKey().matches("mp\\.messaging\\.incoming\\.[^.]+\\.connector") && e.getValue().equals("smallrye-kafka"));
            if (consumes && !"false".equals(config.value("quarkus.micrometer.binder.kafka.enabled", "true"))) {
                names.addAll(KAFKA_CONSUMER);
            }
        }
        return names;
    }

    /** Prometheus names of the meters registered in the Java sources below dir. */
    static Set<String> registeredIn(Path dir) {
        Set<String> names = new TreeSet<>();
        if (!Files.isDirectory(dir)) {
            return names;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                names.addAll(registeredIn(Files.readString(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    static Set<String> registeredIn(String source) {
        Set<String> names = new TreeSet<>();
        Matcher m = METER.matcher(source);
        while (m.find()) {
            String kind = (m.group(1) != null ? m.group(1) : m.group(3)).toLowerCase();
            String base = (m.group(2) != null ? m.group(2) : m.group(4)).replaceAll("[^A-Za-z0-9_:]", "_");
            if (kind.equals("counter")) {
                names.add(base + "_total");
            } else if (kind.equals("timer")) {
                names.addAll(List.of(base + "_seconds_count", base + "_seconds_sum", base + "_seconds_max"));
            } else {
                names.add(base);
            }
        }
        return names;
    }
}
