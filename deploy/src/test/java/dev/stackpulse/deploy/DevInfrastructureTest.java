package dev.stackpulse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The dev overlay's PostgreSQL and Strimzi Kafka fit the services: names, ports, topics, network access. */
class DevInfrastructureTest {

    private final Overlay dev = Overlay.render("dev");

    @Test
    void kafkaTopicsAreExactlyTheServicesChannelTopicsOnTheDevCluster() throws IOException {
        Set<String> used = ServiceConfig.SERVICES.stream().flatMap(s -> ServiceConfig.load(s).topics().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(ProductionSecurityTest.contractTopics(), used, "channel topics in application.properties = Topics");
        String cluster = Yaml.name(dev.ofKind("Kafka").findFirst().orElseThrow());
        Set<String> declared = new TreeSet<>();
        dev.ofKind("KafkaTopic").forEach(t -> {
            assertEquals(cluster, Yaml.at(t, "metadata", "labels", "strimzi.io/cluster"), Yaml.name(t));
            Object topicName = Yaml.at(t, "spec", "topicName");
            declared.add(topicName != null ? (String) topicName : Yaml.name(t));
        });
        assertEquals(used, declared);
        dev.ofKind("KafkaNodePool").forEach(p ->
                assertEquals(cluster, Yaml.at(p, "metadata", "labels", "strimzi.io/cluster"), Yaml.name(p)));
    }

    @Test
    void kafkaIsKraftWithANodePoolAndItsListenerAdmitsOnlyTheServices() {
        Map<String, Object> kafka = dev.ofKind("Kafka").findFirst().orElseThrow();
        assertEquals("enabled", Yaml.at(kafka, "metadata", "annotations", "strimzi.io/kraft"));
        assertEquals("enabled", Yaml.at(kafka, "metadata", "annotations", "strimzi.io/node-pools"));
        assertEquals(null, Yaml.at(kafka, "spec", "zookeeper"));
        Map<String, Object> pool = dev.ofKind("KafkaNodePool").findFirst().orElseThrow();
        assertEquals(Set.of("controller", "broker"), Set.copyOf(Yaml.list(Yaml.at(pool, "spec", "roles"))));

        Map<String, Object> listener = Yaml.map(Yaml.list(Yaml.at(kafka, "spec", "kafka", "listeners")).get(0));
        List<Object> peers = Yaml.list(listener.get("networkPolicyPeers"));
        assertEquals(1, peers.size());
        Map<String, Object> selector = Yaml.map(Yaml.at(peers.get(0), "podSelector", "matchLabels"));
        onlyServicesSelected(selector);

        String bootstrap = Yaml.name(kafka) + "-kafka-bootstrap:" + listener.get("port");
        assertEquals(bootstrap, Yaml.at(dev.get("ConfigMap", "stackpulse-endpoints"), "data", "kafka-bootstrap-servers"));
    }

    @Test
    void postgresqlIsReachableByTheServicesOnlyAndUrlsPointAtIt() {
        Map<String, Object> sts = dev.get("StatefulSet", "postgresql");
        Map<String, Object> policy = dev.get("NetworkPolicy", "postgresql-clients");
        ManifestAgreementTest.assertSelects(Yaml.map(Yaml.at(policy, "spec", "podSelector", "matchLabels")),
                ManifestAgreementTest.podLabels(sts), "policy selects PostgreSQL");
        List<Object> ingress = Yaml.list(Yaml.at(policy, "spec", "ingress"));
        assertEquals(1, ingress.size());
        List<Object> from = Yaml.list(Yaml.at(ingress.get(0), "from"));
        assertEquals(1, from.size());
        onlyServicesSelected(Yaml.map(Yaml.at(from.get(0), "podSelector", "matchLabels")));
        Object port = Yaml.at(Yaml.list(Yaml.at(ingress.get(0), "ports")).get(0), "port");

        Map<String, Object> svc = dev.get("Service", "postgresql");
        assertEquals(port, Yaml.at(Yaml.list(Yaml.at(svc, "spec", "ports")).get(0), "port"));
        Map<String, Object> endpoints = Yaml.map(Yaml.at(dev.get("ConfigMap", "stackpulse-endpoints"), "data"));
        for (String service : ServiceConfig.SERVICES) {
            String db = ServiceConfig.load(service).databaseName();
            assertEquals("jdbc:postgresql://postgresql:" + port + "/" + db, endpoints.get(db + "-db-url"));
        }
        assertFalse(Yaml.list(Yaml.at(sts, "spec", "volumeClaimTemplates")).isEmpty(), "data on a PVC");
    }

    @Test
    void postgresqlInitScriptGetsEveryVariableItUsesAndCreatesEachServicesDatabase() {
        String script = (String) Yaml.at(dev.get("ConfigMap", "postgresql-init"), "data", "init-databases.sh");
        Map<String, Object> sts = dev.get("StatefulSet", "postgresql");
        Map<String, Object> c = Yaml.containers(sts).findFirst().orElseThrow();
        Set<String> set = ManifestAgreementTest.env(c).keySet();
        Set<String> used = ManifestAgreementTest.scriptVariables(script);
        assertFalse(used.isEmpty());
        assertTrue(set.containsAll(used), "the StatefulSet sets " + set + " but the script uses " + used);
        for (String service : ServiceConfig.SERVICES) {
            assertTrue(script.contains("\ncreate " + ServiceConfig.load(service).databaseName() + " "), service);
        }
        assertTrue(Yaml.list(c.get("volumeMounts")).stream().anyMatch(m ->
                "/docker-entrypoint-initdb.d".equals(Yaml.at(m, "mountPath"))), "script mounted where the image runs it");
    }

    private void onlyServicesSelected(Map<String, Object> selector) {
        dev.objects().stream().filter(o -> Yaml.podSpec(o) != null).forEach(workload -> {
            boolean isService = ServiceConfig.SERVICES.contains(Yaml.name(workload)) && "Deployment".equals(workload.get("kind"));
            assertEquals(isService, ManifestAgreementTest.selects(selector, ManifestAgreementTest.podLabels(workload)),
                    "peer selector " + selector + " vs " + KustomizeRenderTest.id(workload));
        });
    }
}
