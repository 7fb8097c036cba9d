package dev.stackpulse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The rules that decide what a service "reads" and "requires", on a configuration made up for the test. */
class ServiceConfigTest {

    private final ServiceConfig config = new ServiceConfig("x-service", Map.of(
            "quarkus.http.port", "${PORT:9001}",
            "quarkus.datasource.jdbc.url", "${DB_URL:jdbc:postgresql://h:5432/things?ssl=true}",
            "api.key", "${API_KEY}",
            "mp.messaging.incoming.in.topic", "a.events",
            "mp.messaging.incoming.in.dead-letter-queue.topic", "a.dlq",
            "quarkus.smallrye-health.root-path", "/health"),
            "<artifactId>quarkus-smallrye-health</artifactId>");

    @Test
    void readsReferencedVariablesEnvFormsOfItsPropertiesAndTheJvmOptions() {
        Set<String> read = config.environmentVariablesRead();
        assertTrue(read.containsAll(Set.of("PORT", "DB_URL", "API_KEY", "QUARKUS_HTTP_PORT",
                "MP_MESSAGING_INCOMING_IN_TOPIC", "JAVA_OPTS", "JAVA_TOOL_OPTIONS")), read.toString());
        assertTrue(!read.contains("DB_USERNAME"));
    }

    @Test
    void aReferenceWithoutDefaultIsRequired() {
        assertTrue(config.requiredVariables().contains("API_KEY"));
        assertTrue(!config.requiredVariables().contains("PORT"));
    }

    @Test
    void defaultsTopicsDatabaseAndHealthPathsFollowQuarkusRules() {
        assertEquals(9001, config.httpPort());
        assertEquals("things", config.databaseName());
        assertEquals(Set.of("a.events", "a.dlq"), config.topics());
        assertEquals(Set.of("/health/live", "/health/ready", "/health/started"), config.healthPaths());
        assertEquals(null, config.metricsPath(), "no Prometheus registry dependency, no metrics path");
    }
}
