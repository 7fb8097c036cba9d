package dev.stackpulse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** docker-compose.yml cannot run here (no Docker engine), so this checks it against the services' configuration. */
class ComposeAgreementTest {

    private final Map<String, Object> compose = Yaml.map(Yaml.single(ServiceConfig.root().resolve("docker-compose.yml")));

    private Map<String, Object> service(String name) {
        return Yaml.map(Yaml.at(compose, "services", name));
    }

    private Map<String, Object> environment(String name) {
        return Yaml.map(service(name).get("environment"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"catalog-service", "summit-service", "feed-service"})
    void publishedPortsAndHealthcheckUseTheHttpAndManagementPortsAndAHealthEndpoint(String name) {
        ServiceConfig config = ServiceConfig.load(name);
        assertTrue(config.managementEnabled(), name + ": health, metrics and OpenAPI on the management interface");
        Map<String, Object> s = service(name);
        // the API for everyone, the management port for this machine only
        assertEquals(List.of(config.httpPort() + ":" + config.httpPort(),
                "127.0.0.1:" + config.managementPort() + ":" + config.managementPort()), s.get("ports"));
        assertEquals(null, environment(name).get(config.managementPortVariable()), "the default management port");
        List<Object> test = Yaml.list(Yaml.at(s, "healthcheck", "test"));
        Matcher url = Pattern.compile("http://localhost:(\\d+)(/\\S*)").matcher(String.join(" ", test.stream().map(String::valueOf).toList()));
        assertTrue(url.find(), "healthcheck calls the service: " + test);
        assertEquals(config.managementPort(), Integer.parseInt(url.group(1)), "readiness answers on the management port");
        assertEquals(config.readinessPath(), url.group(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"catalog-service", "summit-service", "feed-service"})
    void everyVariableIsReadByTheServiceAndEveryRequiredOneIsSet(String name) {
        ServiceConfig config = ServiceConfig.load(name);
        Set<String> set = environment(name).keySet();
        Set<String> unread = new TreeSet<>(set);
        unread.removeAll(config.environmentVariablesRead());
        assertEquals(Set.of(), unread, name + " does not read these variables set in docker-compose.yml");
        Set<String> required = config.requiredVariables();
        assertTrue(set.containsAll(required), name + " lacks required settings: "
                + required.stream().filter(r -> !set.contains(r)).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"catalog-service", "summit-service", "feed-service"})
    void endpointsPointAtTheComposePostgresAndKafkaAndTheServicesOwnDatabase(String name) {
        ServiceConfig config = ServiceConfig.load(name);
        Map<String, Object> env = environment(name);
        assertEquals("jdbc:postgresql://postgres:5432/" + config.databaseName(), env.get("DB_URL"));
        String advertised = (String) environment("kafka").get("KAFKA_ADVERTISED_LISTENERS");
        assertEquals("PLAINTEXT://" + env.get("KAFKA_BOOTSTRAP_SERVERS"), advertised);
        String jwt = (String) env.get("JWT_PUBLIC_KEY_LOCATION");
        assertTrue(Yaml.list(service(name).get("volumes")).stream()
                .anyMatch(v -> ((String) v).endsWith(":" + jwt.substring("file:".length()) + ":ro")), "JWT key mounted");
    }

    @ParameterizedTest
    @ValueSource(strings = {"catalog-service", "summit-service", "feed-service"})
    void serviceIsBuiltFromItsDockerfileAndStartsAfterHealthyInfrastructure(String name) {
        Map<String, Object> s = service(name);
        assertEquals(".", Yaml.at(s, "build", "context"));
        String dockerfile = (String) Yaml.at(s, "build", "dockerfile");
        assertEquals("deploy/docker/" + name + ".Dockerfile", dockerfile);
        assertTrue(Files.isRegularFile(ServiceConfig.root().resolve(dockerfile)));
        assertEquals(Map.of("postgres", Map.of("condition", "service_healthy"),
                "kafka-topics", Map.of("condition", "service_completed_successfully")), s.get("depends_on"));
    }

    @Test
    void everyLongRunningContainerHasAHealthcheck() {
        Yaml.map(compose.get("services")).forEach((name, s) -> {
            boolean oneShot = "no".equals(Yaml.map(s).get("restart"));
            assertTrue(oneShot || Yaml.map(s).containsKey("healthcheck"), name + " has no healthcheck");
        });
        assertEquals(Map.of("kafka", Map.of("condition", "service_healthy")), service("kafka-topics").get("depends_on"));
    }

    @Test
    void kafkaRunsKraftAndTheTopicJobCreatesEveryTopicTheServicesUse() {
        Map<String, Object> kafka = environment("kafka");
        assertEquals("broker,controller", kafka.get("KAFKA_PROCESS_ROLES"));
        Matcher version = Pattern.compile("<kafka.version>([^<]+)</kafka.version>").matcher(rootPom());
        assertTrue(version.find());
        assertEquals("apache/kafka:" + version.group(1), service("kafka").get("image"), "the broker version the tests run");
        assertEquals("apache/kafka:" + version.group(1), service("kafka-topics").get("image"));
        assertEquals("false", kafka.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"));
        String script = String.join("\n", Yaml.list(service("kafka-topics").get("command")).stream().map(String::valueOf).toList());
        for (String s : ServiceConfig.SERVICES) {
            ServiceConfig.load(s).topics().forEach(t -> assertTrue(script.contains(" " + t + ":"), "topic " + t + " created"));
        }
    }

    private static String rootPom() {
        try {
            return Files.readString(ServiceConfig.root().resolve("pom.xml"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void postgresInitScriptGetsItsVariablesAndCreatesTheDatabasesTheServicesUse() throws IOException {
        Map<String, Object> pg = service("postgres");
        String mount = Yaml.list(pg.get("volumes")).stream().map(String::valueOf)
                .filter(v -> v.contains("/docker-entrypoint-initdb.d/")).findFirst().orElseThrow();
        Path script = ServiceConfig.root().resolve(mount.split(":")[0]);
        Set<String> used = ManifestAgreementTest.scriptVariables(Files.readString(script));
        assertTrue(Yaml.map(pg.get("environment")).keySet().containsAll(used), "postgres sets " + used);
        for (String s : ServiceConfig.SERVICES) {
            String prefix = ServiceConfig.load(s).databaseName().toUpperCase();
            assertEquals(environment(s).get("DB_USERNAME"), environment("postgres").get(prefix + "_DB_USERNAME"), s);
            assertEquals(environment(s).get("DB_PASSWORD"), environment("postgres").get(prefix + "_DB_PASSWORD"), s);
        }
        assertNotNull(Yaml.at(pg, "healthcheck", "test"));
    }
}
