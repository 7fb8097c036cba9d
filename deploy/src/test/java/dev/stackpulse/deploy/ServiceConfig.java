package dev.stackpulse.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one service reads, taken from its own application.properties and pom.xml at test time (never a copied
 * list), so a setting another engineer adds or renames is seen by the agreement tests at once.
 */
record ServiceConfig(String name, Map<String, String> properties, String pom) {

    static final List<String> SERVICES = List.of("catalog-service", "summit-service", "feed-service");
    /** Settings without a usable production default: every deployment must set them. */
    static final Set<String> REQUIRED = Set.of("DB_URL", "DB_USERNAME", "DB_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS",
            "JWT_PUBLIC_KEY_LOCATION");
    /** Read by the JVM (JAVA_TOOL_OPTIONS) or by the image's entrypoint (JAVA_OPTS), not by Quarkus. */
    static final Set<String> JVM_VARIABLES = Set.of("JAVA_OPTS", "JAVA_TOOL_OPTIONS");

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)(?::([^}]*))?}");

    static Path root() {
        return Path.of(System.getProperty("stackpulse.root", "..")).toAbsolutePath().normalize();
    }

    static ServiceConfig load(String service) {
        Path dir = root().resolve(service);
        try {
            String pom = Files.readString(dir.resolve("pom.xml"));
            Map<String, String> props = new LinkedHashMap<>();
            // The outbox module's channel defaults (ordinal 100) sit below the service's own file (250).
            if (pom.contains("<artifactId>outbox</artifactId>")) {
                props.putAll(prodView(root().resolve("outbox/src/main/resources/META-INF/microprofile-config.properties")));
            }
            props.putAll(prodView(dir.resolve("src/main/resources/application.properties")));
            return new ServiceConfig(service, props, pom);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The properties of one file as the prod profile sees them. */
    private static Map<String, String> prodView(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Map<String, String> props = new LinkedHashMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("%prod.")) {
                props.put(key.substring("%prod.".length()), p.getProperty(key));
            } else if (!key.startsWith("%")) {
                props.putIfAbsent(key, p.getProperty(key));
            }
        }
        return props;
    }

    /**
     * A property's value with expressions resolved as with no environment set: ${other.property} by that property's
     * value, ${NAME:default} by its default.
     */
    String value(String key, String fallback) {
        String raw = properties.get(key);
        if (raw == null) {
            return fallback;
        }
        Matcher m = EXPRESSION.matcher(raw);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String resolved = properties.containsKey(m.group(1)) && !m.group(1).equals(key)
                    ? value(m.group(1), "") : m.group(2) == null ? "" : m.group(2);
            m.appendReplacement(sb, Matcher.quoteReplacement(resolved));
        }
        return m.appendTail(sb).toString();
    }

    int httpPort() {
        return Integer.parseInt(value("quarkus.http.port", "8080"));
    }

    /** Health, metrics and OpenAPI are served on a management port of their own, not on the HTTP port. */
    boolean managementEnabled() {
        return Boolean.parseBoolean(value("quarkus.management.enabled", "false"));
    }

    /** The management port with no environment set (Quarkus' default 9000). */
    int managementPort() {
        return Integer.parseInt(value("quarkus.management.port", "9000"));
    }

    /** The environment variable the management port is read from (its ${NAME:default}), or null. */
    String managementPortVariable() {
        Matcher m = EXPRESSION.matcher(properties.getOrDefault("quarkus.management.port", ""));
        return m.find() ? m.group(1) : null;
    }

    /** Every environment variable the service reads: ${NAME...} references, env forms of its properties, JVM ones. */
    Set<String> environmentVariablesRead() {
        Set<String> names = new TreeSet<>(JVM_VARIABLES);
        for (Map.Entry<String, String> e : properties.entrySet()) {
            names.add(envForm(e.getKey()));
            Matcher m = EXPRESSION.matcher(e.getValue());
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** MicroProfile Config's mapping of a property name to an environment variable. */
    static String envForm(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    /** REQUIRED plus every ${NAME} the service references without a default (it cannot start without it). */
    Set<String> requiredVariables() {
        Set<String> names = new TreeSet<>(REQUIRED);
        properties.values().forEach(v -> {
            Matcher m = EXPRESSION.matcher(v);
            while (m.find()) {
                if (m.group(2) == null && !m.group(1).contains(".")) {
                    names.add(m.group(1));
                }
            }
        });
        return names;
    }

    /** Kafka topics on the service's channels (incoming, outgoing and dead-letter). */
    Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        properties.forEach((k, v) -> {
            if (k.matches("mp\\.messaging\\.(incoming|outgoing)\\.[^.]+\\.(topic|dead-letter-queue\\.topic)")) {
                topics.add(value(k, v));
            }
        });
        return topics;
    }

    /** The database named in the default JDBC URL, e.g. "catalog". */
    String databaseName() {
        return databaseOf(value("quarkus.datasource.jdbc.url", ""));
    }

    static String databaseOf(String jdbcUrl) {
        Matcher m = Pattern.compile("jdbc:postgresql://[^/]+/([^?]+).*").matcher(jdbcUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        return m.group(1);
    }

    boolean hasDependency(String artifactId) {
        return pom.contains("<artifactId>" + artifactId + "</artifactId>");
    }

    /** Health endpoints the service exposes (SmallRye Health paths under the non-application root). */
    Set<String> healthPaths() {
        if (!hasDependency("quarkus-smallrye-health")) {
            return Set.of();
        }
        String health = under(nonApplicationRoot(), value("quarkus.smallrye-health.root-path", "health"));
        return Set.of(
                under(health, value("quarkus.smallrye-health.liveness-path", "live")),
                under(health, value("quarkus.smallrye-health.readiness-path", "ready")),
                under(health, value("quarkus.smallrye-health.startup-path", "started")));
    }

    String livenessPath() {
        return under(under(nonApplicationRoot(), value("quarkus.smallrye-health.root-path", "health")),
                value("quarkus.smallrye-health.liveness-path", "live"));
    }

    String readinessPath() {
        return under(under(nonApplicationRoot(), value("quarkus.smallrye-health.root-path", "health")),
                value("quarkus.smallrye-health.readiness-path", "ready"));
    }

    String startupPath() {
        return under(under(nonApplicationRoot(), value("quarkus.smallrye-health.root-path", "health")),
                value("quarkus.smallrye-health.startup-path", "started"));
    }

    /** Prometheus endpoint, or null without the Micrometer Prometheus registry. */
    String metricsPath() {
        if (!hasDependency("quarkus-micrometer-registry-prometheus")) {
            return null;
        }
        return under(nonApplicationRoot(), value("quarkus.micrometer.export.prometheus.path", "metrics"));
    }

    /** Where /q/... endpoints live: the management interface's root when it is on, else under the HTTP root. */
    private String nonApplicationRoot() {
        if (managementEnabled()) {
            return value("quarkus.management.root-path", "/q");
        }
        return under(value("quarkus.http.root-path", "/"), value("quarkus.http.non-application-root-path", "q"));
    }

    /** Quarkus' rule: an absolute path stands alone, a relative one is resolved under its parent. */
    private static String under(String parent, String path) {
        if (path.startsWith("/")) {
            return path;
        }
        return (parent.endsWith("/") ? parent : parent + "/") + path;
    }
}
