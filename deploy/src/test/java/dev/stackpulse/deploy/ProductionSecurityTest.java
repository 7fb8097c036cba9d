package dev.stackpulse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The production overlay's Kafka is durable and authenticated and its PostgreSQL connections verify the server:
 * every topic the code uses has a KafkaTopic with replication 3, min.insync.replicas 2 and no unclean leader
 * election; each service has a SCRAM KafkaUser whose ACLs are exactly what its channels need; the services take
 * the SASL settings from the user Secrets and the CAs from mounted Secrets; DB_URL uses sslmode=verify-full.
 */
class ProductionSecurityTest {

    private static final Pattern TOPIC_CONSTANT = Pattern.compile("static final String \\w+ = \"([^\"]+)\"");

    private final Overlay production = Overlay.render("production");

    static List<String> services() {
        return ServiceConfig.SERVICES;
    }

    /** The topics named in event-contract's Topics.java, the contract every service codes against. */
    static Set<String> contractTopics() throws IOException {
        String source = Files.readString(ServiceConfig.root()
                .resolve("event-contract/src/main/java/dev/stackpulse/events/Topics.java"));
        Set<String> topics = new TreeSet<>();
        Matcher m = TOPIC_CONSTANT.matcher(source);
        while (m.find()) {
            topics.add(m.group(1));
        }
        return topics;
    }

    @Test
    void everyTopicTheCodeUsesHasADurableKafkaTopic() throws IOException {
        Set<String> used = new TreeSet<>(contractTopics());
        ServiceConfig.SERVICES.forEach(s -> used.addAll(ServiceConfig.load(s).topics()));
        assertFalse(contractTopics().isEmpty(), "topics read from Topics.java");

        Map<String, Map<String, Object>> declared = production.ofKind("KafkaTopic")
                .collect(Collectors.toMap(ProductionSecurityTest::topicName, t -> t));
        assertEquals(used, declared.keySet(), "KafkaTopics in production = topics the code uses");
        declared.forEach((name, topic) -> assertEquals(List.of(), durabilityProblems(topic), name));
    }

    @Test
    void theDurabilityCheckRefusesAWeakTopic() {
        Map<String, Object> weak = Yaml.parseAll("""
                spec: {topicName: t, partitions: 3, replicas: 1, config: {min.insync.replicas: 1}}
                """).get(0);
        assertEquals(List.of("replicas 1 (want 3)", "min.insync.replicas 1 (want 2)",
                "unclean.leader.election.enable null (want false)"), durabilityProblems(weak));
    }

    @Test
    void eachKafkaUserBelongsToTheClusterOfTheTopicsAndUsesScram() {
        Set<String> clusters = production.ofKind("KafkaTopic")
                .map(t -> (String) Yaml.at(t, "metadata", "labels", "strimzi.io/cluster")).collect(Collectors.toSet());
        assertEquals(1, clusters.size(), "one cluster for every topic");
        Set<String> users = new TreeSet<>();
        production.ofKind("KafkaUser").forEach(u -> {
            users.add(Yaml.name(u));
            assertEquals(clusters, Set.of(Yaml.at(u, "metadata", "labels", "strimzi.io/cluster")), Yaml.name(u));
            assertEquals("scram-sha-512", Yaml.at(u, "spec", "authentication", "type"), Yaml.name(u));
            assertEquals("simple", Yaml.at(u, "spec", "authorization", "type"), Yaml.name(u));
        });
        assertEquals(new TreeSet<>(ServiceConfig.SERVICES), users, "one KafkaUser per service, no other");
    }

    @ParameterizedTest
    @MethodSource("services")
    void eachServiceHasExactlyTheAclsItsChannelsNeed(String service) {
        Map<String, Object> user = production.get("KafkaUser", service);
        assertEquals(neededAcls(ServiceConfig.load(service)), grantedAcls(user), service);
    }

    @Test
    void theAclCheckSeesWildcardsAndExtraOperations() {
        Map<String, Object> user = Yaml.parseAll("""
                spec:
                  authorization:
                    type: simple
                    acls:
                      - {resource: {type: topic, name: "*", patternType: literal}, operations: [Write], host: "*"}
                      - {resource: {type: topic, name: catalog, patternType: prefix}, operations: [Write, Delete], host: "*"}
                      - {resource: {type: cluster}, operations: [IdempotentWrite]}
                """).get(0);
        assertEquals(Set.of("topic:*:Write", "topic:catalog*:Write", "topic:catalog*:Delete", "cluster:kafka-cluster:IdempotentWrite"),
                grantedAcls(user));
        assertThrows(AssertionError.class, () -> grantedAcls(Yaml.parseAll("""
                spec: {authorization: {type: simple, acls: [{resource: {type: topic, name: t}, operations: [Read], host: 10.0.0.1}]}}
                """).get(0)));
    }

    @ParameterizedTest
    @MethodSource("services")
    void kafkaSaslSettingsComeFromTheUsersSecretAndTheCaFromAMountedSecret(String service) {
        ServiceConfig config = ServiceConfig.load(service);
        // Locally (nothing set) the service stays on plaintext; the variables are what production sets.
        assertEquals("${KAFKA_SECURITY_PROTOCOL:PLAINTEXT}", config.properties().get("kafka.security.protocol"));
        assertEquals("${KAFKA_SASL_JAAS_CONFIG:}", config.properties().get("kafka.sasl.jaas.config"));
        assertEquals("${KAFKA_SSL_TRUSTSTORE_LOCATION:}", config.properties().get("kafka.ssl.truststore.location"));
        assertTrue(config.properties().get("kafka.sasl.mechanism").startsWith("${KAFKA_SASL_MECHANISM:"));
        assertTrue(config.properties().get("kafka.ssl.truststore.type").startsWith("${KAFKA_SSL_TRUSTSTORE_TYPE:"));

        Map<String, Object> deployment = production.get("Deployment", service);
        Map<String, Map<String, Object>> env = ManifestAgreementTest.env(ManifestAgreementTest.container(deployment));
        assertEquals("SASL_SSL", Yaml.at(env.get("KAFKA_SECURITY_PROTOCOL"), "value"));
        String scram = (String) Yaml.at(production.get("KafkaUser", service), "spec", "authentication", "type");
        assertEquals(scram.toUpperCase(), Yaml.at(env.get("KAFKA_SASL_MECHANISM"), "value"));
        assertEquals(Map.of("name", service, "key", "sasl.jaas.config"),
                Yaml.at(env.get("KAFKA_SASL_JAAS_CONFIG"), "valueFrom", "secretKeyRef"),
                "the JAAS line from the Secret Strimzi generates for KafkaUser " + service);
        assertEquals("PEM", Yaml.at(env.get("KAFKA_SSL_TRUSTSTORE_TYPE"), "value"));
        assertNotNull(secretProviding(deployment, (String) Yaml.at(env.get("KAFKA_SSL_TRUSTSTORE_LOCATION"), "value")));
        String bootstrap = (String) Yaml.at(production.get("ConfigMap", "stackpulse-endpoints"), "data", "kafka-bootstrap-servers");
        assertFalse(bootstrap.contains(":9092"), "production uses the TLS listener, not the plain one: " + bootstrap);
    }

    @ParameterizedTest
    @MethodSource("services")
    void postgresqlIsVerifiedAgainstTheCaFromASecret(String service) {
        Map<String, Object> deployment = production.get("Deployment", service);
        Map<String, Map<String, Object>> env = ManifestAgreementTest.env(ManifestAgreementTest.container(deployment));
        Map<String, Object> ref = Yaml.map(Yaml.at(env.get("DB_URL"), "valueFrom", "configMapKeyRef"));
        String url = (String) Yaml.at(production.get("ConfigMap", (String) ref.get("name")), "data", (String) ref.get("key"));
        Map<String, String> params = query(url);
        assertEquals("verify-full", params.get("sslmode"), url);
        assertNotNull(params.get("sslrootcert"), url);
        assertEquals("postgresql-ca", secretProviding(deployment, params.get("sslrootcert")));
    }

    static String topicName(Map<String, Object> topic) {
        Object name = Yaml.at(topic, "spec", "topicName");
        return name != null ? (String) name : Yaml.name(topic);
    }

    static List<String> durabilityProblems(Map<String, Object> topic) {
        List<String> problems = new java.util.ArrayList<>();
        Object replicas = Yaml.at(topic, "spec", "replicas");
        if (!Integer.valueOf(3).equals(replicas)) {
            problems.add("replicas " + replicas + " (want 3)");
        }
        Object settings = Yaml.at(topic, "spec", "config");
        Map<String, Object> config = settings == null ? Map.of() : Yaml.map(settings);
        Object isr = config.get("min.insync.replicas");
        if (!Integer.valueOf(2).equals(isr)) {
            problems.add("min.insync.replicas " + isr + " (want 2)");
        }
        Object unclean = config.get("unclean.leader.election.enable");
        if (!Boolean.FALSE.equals(unclean)) {
            problems.add("unclean.leader.election.enable " + unclean + " (want false)");
        }
        return problems;
    }

    /** What a service's SmallRye Kafka channels do: produce (Write), consume (Read) as a group (Read on it). */
    static Set<String> neededAcls(ServiceConfig config) {
        Set<String> acls = new TreeSet<>();
        Pattern connector = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.connector");
        config.properties().forEach((key, value) -> {
            Matcher m = connector.matcher(key);
            if (!m.matches() || !"smallrye-kafka".equals(value)) {
                return;
            }
            String prefix = "mp.messaging." + m.group(1) + "." + m.group(2) + ".";
            String topic = config.value(prefix + "topic", m.group(2));
            if (m.group(1).equals("outgoing")) {
                acls.addAll(List.of("topic:" + topic + ":Write", "topic:" + topic + ":Describe"));
            } else {
                acls.addAll(List.of("topic:" + topic + ":Read", "topic:" + topic + ":Describe"));
                String group = config.value(prefix + "group.id", null);
                assertNotNull(group, prefix + "group.id: a consumer needs a fixed group to be granted");
                acls.add("group:" + group + ":Read");
                String dlq = config.value(prefix + "dead-letter-queue.topic", null);
                if ("dead-letter-queue".equals(config.value(prefix + "failure-strategy", null))) {
                    String dead = dlq != null ? dlq : "dead-letter-topic-" + m.group(2);
                    acls.addAll(List.of("topic:" + dead + ":Write", "topic:" + dead + ":Describe"));
                }
            }
        });
        return acls;
    }

    /** "type:name[*]:Operation" per granted operation; a prefix pattern is shown with a trailing '*'. */
    static Set<String> grantedAcls(Map<String, Object> user) {
        Set<String> acls = new TreeSet<>();
        for (Object a : Yaml.list(Yaml.at(user, "spec", "authorization", "acls"))) {
            Map<String, Object> acl = Yaml.map(a);
            Object host = acl.getOrDefault("host", "*");
            assertEquals("*", host, "ACLs are not bound to pod addresses");
            String type = (String) Yaml.at(acl, "resource", "type");
            String name = type.equals("cluster") ? "kafka-cluster" : (String) Yaml.at(acl, "resource", "name");
            if ("prefix".equals(Yaml.at(acl, "resource", "patternType"))) {
                name = name + "*";
            }
            for (Object op : Yaml.list(acl.get("operations"))) {
                acls.add(type + ":" + name + ":" + op);
            }
        }
        return acls;
    }

    /** The Secret whose volume, mounted in the service container, provides the file at path. */
    static String secretProviding(Map<String, Object> deployment, String path) {
        assertNotNull(path);
        Map<String, Object> mount = Yaml.list(ManifestAgreementTest.container(deployment).get("volumeMounts")).stream()
                .map(Yaml::map).filter(m -> path.startsWith(m.get("mountPath") + "/")).findFirst()
                .orElseThrow(() -> new AssertionError("no volume mounted at " + path));
        Map<String, Object> volume = Yaml.list(Yaml.podSpec(deployment).get("volumes")).stream().map(Yaml::map)
                .filter(v -> v.get("name").equals(mount.get("name"))).findFirst().orElseThrow();
        String secret = (String) Yaml.at(volume, "secret", "secretName");
        assertNotNull(secret, path + " comes from a Secret volume");
        String file = path.substring(((String) mount.get("mountPath")).length() + 1);
        assertTrue(Yaml.list(Yaml.at(volume, "secret", "items")).stream().anyMatch(i -> file.equals(Yaml.at(i, "path"))),
                "Secret " + secret + " provides " + file);
        return secret;
    }

    private static Map<String, String> query(String jdbcUrl) {
        int q = jdbcUrl.indexOf('?');
        if (q < 0) {
            return Map.of();
        }
        return java.util.Arrays.stream(jdbcUrl.substring(q + 1).split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> p.length > 1 ? p[1] : ""));
    }
}
