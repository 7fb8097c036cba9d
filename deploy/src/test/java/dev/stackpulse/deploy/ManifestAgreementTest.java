package dev.stackpulse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rendered overlays agree with what the services' own configuration says they listen on, read and use. */
class ManifestAgreementTest {

    static Stream<Arguments> overlaysAndServices() {
        return Overlay.NAMES.stream().flatMap(o -> ServiceConfig.SERVICES.stream().map(s -> Arguments.of(o, s)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void portsAndServiceAndScrapeAnnotationsMatchQuarkusHttpAndManagementPorts(String overlay, String service) {
        ServiceConfig config = ServiceConfig.load(service);
        Overlay o = Overlay.render(overlay);
        Map<String, Object> deployment = o.get("Deployment", service);
        Map<String, Object> port = Yaml.map(Yaml.list(container(deployment).get("ports")).get(0));
        assertEquals(config.httpPort(), port.get("containerPort"), "containerPort = quarkus.http.port");
        assertEquals("http", port.get("name"));
        assertEquals(managementPort(container(deployment), config), containerPort(deployment, "management"),
                "containerPort 'management' = quarkus.management.port as the container sets it");

        Map<String, Object> svc = o.get("Service", service);
        List<Object> svcPorts = Yaml.list(Yaml.at(svc, "spec", "ports"));
        assertEquals(1, svcPorts.size(), "the Service exposes the API port alone, never the management port");
        Map<String, Object> svcPort = Yaml.map(svcPorts.get(0));
        assertEquals(config.httpPort(), svcPort.get("port"));
        assertEquals("http", svcPort.get("targetPort"));
        assertSelects(Yaml.map(Yaml.at(svc, "spec", "selector")), podLabels(deployment), "Service " + service);

        Map<String, Object> annotations = Yaml.map(Yaml.at(deployment, "spec", "template", "metadata", "annotations"));
        assertEquals("true", annotations.get("prometheus.io/scrape"));
        assertEquals(String.valueOf(containerPort(deployment, "management")), annotations.get("prometheus.io/port"),
                "Prometheus scrapes the management port: the API port answers 404 for /q/metrics");
        assertNotNull(config.metricsPath(), service + " has no Prometheus registry");
        assertEquals(config.metricsPath(), annotations.get("prometheus.io/path"));
    }

    /** The management port the container's service listens on: MANAGEMENT_PORT if the container sets it. */
    private static int managementPort(Map<String, Object> container, ServiceConfig config) {
        assertTrue(config.managementEnabled(), config.name() + ": health, metrics and OpenAPI on the management interface");
        Map<String, Object> set = env(container).get(config.managementPortVariable());
        return set == null ? config.managementPort() : Integer.parseInt((String) set.get("value"));
    }

    private static Object containerPort(Map<String, Object> deployment, String name) {
        return Yaml.list(container(deployment).get("ports")).stream().map(Yaml::map)
                .filter(p -> name.equals(p.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError(Yaml.name(deployment) + ": no container port named " + name))
                .get("containerPort");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void probesUseHealthEndpointsTheServiceExposes(String overlay, String service) {
        ServiceConfig config = ServiceConfig.load(service);
        Map<String, Object> c = container(Overlay.render(overlay).get("Deployment", service));
        assertEquals(config.startupPath(), Yaml.at(c, "startupProbe", "httpGet", "path"));
        assertEquals(config.readinessPath(), Yaml.at(c, "readinessProbe", "httpGet", "path"));
        assertEquals(config.livenessPath(), Yaml.at(c, "livenessProbe", "httpGet", "path"));
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            assertTrue(config.healthPaths().contains((String) Yaml.at(c, probe, "httpGet", "path")), probe);
            assertEquals("management", Yaml.at(c, probe, "httpGet", "port"),
                    probe + " uses the named management port (health answers there only)");
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void everyVariableSetIsReadAndEveryRequiredOneIsSet(String overlay, String service) {
        ServiceConfig config = ServiceConfig.load(service);
        Overlay o = Overlay.render(overlay);
        Map<String, Map<String, Object>> env = env(container(o.get("Deployment", service)));

        Set<String> unread = new TreeSet<>(env.keySet());
        unread.removeAll(config.environmentVariablesRead());
        assertEquals(Set.of(), unread, service + " does not read these variables set in " + overlay);
        assertTrue(config.environmentVariablesRead().containsAll(ServiceConfig.REQUIRED), "required settings are read");
        Set<String> required = config.requiredVariables();
        assertTrue(env.keySet().containsAll(required), overlay + " leaves required settings unset for "
                + service + ": " + required.stream().filter(r -> !env.containsKey(r)).toList());

        // Every ConfigMap key referred to exists in this overlay (no 'optional', so a missing key stops the pod).
        env.forEach((name, var) -> {
            Object ref = Yaml.at(var, "valueFrom", "configMapKeyRef");
            if (ref != null) {
                Map<String, Object> cm = o.get("ConfigMap", (String) Yaml.at(ref, "name"));
                assertNotNull(Yaml.at(cm, "data", (String) Yaml.at(ref, "key")), name + ": missing key " + ref);
            }
        });
        // Credentials only from Secrets, never a literal value.
        for (String credential : List.of("DB_USERNAME", "DB_PASSWORD")) {
            assertNotNull(Yaml.at(env.get(credential), "valueFrom", "secretKeyRef", "name"), credential + " from a Secret");
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void databaseUrlNamesTheServicesOwnDatabaseAndTheJwtKeyComesFromASecretVolume(String overlay, String service) {
        ServiceConfig config = ServiceConfig.load(service);
        Overlay o = Overlay.render(overlay);
        Map<String, Object> deployment = o.get("Deployment", service);
        Map<String, Map<String, Object>> env = env(container(deployment));

        Map<String, Object> ref = Yaml.map(Yaml.at(env.get("DB_URL"), "valueFrom", "configMapKeyRef"));
        String url = (String) Yaml.at(o.get("ConfigMap", (String) ref.get("name")), "data", (String) ref.get("key"));
        assertEquals(config.databaseName(), ServiceConfig.databaseOf(url), "DB_URL of " + service);

        String location = (String) env.get("JWT_PUBLIC_KEY_LOCATION").get("value");
        assertTrue(location.startsWith("file:"), location);
        String file = location.substring("file:".length());
        Map<String, Object> mount = Yaml.list(container(deployment).get("volumeMounts")).stream().map(Yaml::map)
                .filter(m -> file.startsWith(m.get("mountPath") + "/")).findFirst()
                .orElseThrow(() -> new AssertionError("no volume mounted at " + file));
        Map<String, Object> volume = Yaml.list(Yaml.podSpec(deployment).get("volumes")).stream().map(Yaml::map)
                .filter(v -> v.get("name").equals(mount.get("name"))).findFirst().orElseThrow();
        assertNotNull(Yaml.at(volume, "secret", "secretName"), "the JWT key volume is a Secret");
        String fileName = file.substring(((String) mount.get("mountPath")).length() + 1);
        assertTrue(Yaml.list(Yaml.at(volume, "secret", "items")).stream()
                .anyMatch(i -> fileName.equals(Yaml.at(i, "path"))), "the Secret volume provides " + fileName);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void podsAreHardenedSizedAndSpread(String overlay, String service) {
        Map<String, Object> deployment = Overlay.render(overlay).get("Deployment", service);
        Map<String, Object> pod = Yaml.podSpec(deployment);
        Map<String, Object> c = container(deployment);
        assertEquals(true, Yaml.at(pod, "securityContext", "runAsNonRoot"));
        assertEquals("RuntimeDefault", Yaml.at(pod, "securityContext", "seccompProfile", "type"));
        assertEquals(false, Yaml.at(c, "securityContext", "allowPrivilegeEscalation"));
        assertEquals(true, Yaml.at(c, "securityContext", "readOnlyRootFilesystem"));
        assertEquals(List.of("ALL"), Yaml.at(c, "securityContext", "capabilities", "drop"));
        assertTrue(Yaml.list(c.get("volumeMounts")).stream().anyMatch(m -> "/tmp".equals(Yaml.at(m, "mountPath"))),
                "a writable /tmp");
        for (String kind : List.of("requests", "limits")) {
            assertNotNull(Yaml.at(c, "resources", kind, "cpu"), kind + ".cpu");
            assertNotNull(Yaml.at(c, "resources", kind, "memory"), kind + ".memory");
        }
        List<Object> spread = Yaml.list(pod.get("topologySpreadConstraints"));
        assertFalse(spread.isEmpty());
        spread.forEach(s -> assertSelects(Yaml.map(Yaml.at(s, "labelSelector", "matchLabels")), podLabels(deployment), "spread"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void disruptionBudgetCoversThePods(String overlay, String service) {
        Overlay o = Overlay.render(overlay);
        Map<String, Object> pdb = o.get("PodDisruptionBudget", service);
        assertSelects(Yaml.map(Yaml.at(pdb, "spec", "selector", "matchLabels")), podLabels(o.get("Deployment", service)), "PDB");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void feedServiceScalesThroughItsAutoscalerAlone(String overlay) {
        Overlay o = Overlay.render(overlay);
        Map<String, Object> hpa = o.get("HorizontalPodAutoscaler", "feed-service");
        assertEquals("Deployment", Yaml.at(hpa, "spec", "scaleTargetRef", "kind"));
        assertEquals("feed-service", Yaml.at(hpa, "spec", "scaleTargetRef", "name"));
        assertEquals(null, Yaml.at(o.get("Deployment", "feed-service"), "spec", "replicas"),
                "replicas belong to the HPA: re-applying the manifest must not reset them");
        assertTrue((int) Yaml.at(hpa, "spec", "minReplicas") <= (int) Yaml.at(hpa, "spec", "maxReplicas"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void noSecretIsContainedAndEveryReferencedSecretIsDocumented(String overlay) throws IOException {
        Overlay o = Overlay.render(overlay);
        o.ofKind("Secret").forEach(s -> {
            assertFalse(s.containsKey("data") || s.containsKey("stringData"), "Secret " + Yaml.name(s) + " holds values");
        });
        String readme = Files.readString(ServiceConfig.root().resolve("deploy/README.md"));
        Set<String> referenced = secretsReferenced(o);
        assertFalse(referenced.isEmpty());
        referenced.forEach(name -> assertTrue(readme.contains("`" + name + "`"),
                "deploy/README.md must tell how to create Secret " + name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void clientsReachOnlyTheHttpPortAndOnlyPrometheusTheManagementPort(String overlay) {
        Overlay o = Overlay.render(overlay);
        Map<String, Object> np = o.get("NetworkPolicy", "stackpulse-services");
        for (String service : ServiceConfig.SERVICES) {
            assertSelects(Yaml.map(Yaml.at(np, "spec", "podSelector", "matchLabels")), podLabels(o.get("Deployment", service)), "policy");
        }
        assertEquals(List.of("Ingress"), Yaml.at(np, "spec", "policyTypes"));
        Set<Object> fromAnywhere = new TreeSet<>();
        Set<Object> management = new TreeSet<>();
        for (Object rule : Yaml.list(Yaml.at(np, "spec", "ingress"))) {
            Object ports = Yaml.at(rule, "ports");
            assertNotNull(ports, "a rule without ports admits every port: " + rule);
            List<Object> names = Yaml.list(ports).stream().map(p -> Yaml.at(p, "port")).toList();
            Object from = Yaml.at(rule, "from");
            if (from == null || Yaml.list(from).isEmpty()) {
                fromAnywhere.addAll(names);
            } else if (names.contains("management")) {
                management.addAll(names);
                for (Object peer : Yaml.list(from)) {
                    // both selectors in one peer: Prometheus pods AND the monitoring namespace, not either
                    assertNotNull(Yaml.at(peer, "namespaceSelector", "matchLabels"), "management from one namespace: " + peer);
                    assertNotNull(Yaml.at(peer, "podSelector", "matchLabels"), "management from Prometheus only: " + peer);
                    assertEquals(null, Yaml.at(peer, "ipBlock"), "no address range reaches the management port");
                }
            }
        }
        assertEquals(Set.of("http"), fromAnywhere, "clients (any source) reach the API port alone");
        assertEquals(Set.of("management"), management, "the scraper's rule admits the management port alone");
    }

    static Set<String> secretsReferenced(Overlay o) {
        Set<String> names = new TreeSet<>();
        o.objects().forEach(obj -> {
            Yaml.containers(obj).forEach(c -> env(c).values().forEach(v ->
                    addIfPresent(names, Yaml.at(v, "valueFrom", "secretKeyRef", "name"))));
            Map<String, Object> pod = Yaml.podSpec(obj);
            if (pod != null && pod.get("volumes") != null) {
                Yaml.list(pod.get("volumes")).forEach(v -> addIfPresent(names, Yaml.at(v, "secret", "secretName")));
            }
        });
        return names;
    }

    private static void addIfPresent(Set<String> names, Object name) {
        if (name != null) {
            names.add((String) name);
        }
    }

    static Map<String, Object> container(Map<String, Object> deployment) {
        String name = Yaml.name(deployment);
        return Yaml.containers(deployment).filter(c -> name.equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError(name + ": no container named like the Deployment"));
    }

    static Map<String, Map<String, Object>> env(Map<String, Object> container) {
        Object env = container.get("env");
        if (env == null) {
            return Map.of();
        }
        return Yaml.list(env).stream().map(Yaml::map)
                .collect(Collectors.toMap(e -> (String) e.get("name"), e -> e, (a, b) -> {
                    throw new AssertionError("variable set twice: " + a.get("name"));
                }));
    }

    static Map<String, Object> podLabels(Map<String, Object> workload) {
        return Yaml.map(Yaml.at(workload, "spec", "template", "metadata", "labels"));
    }

    static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        return !selector.isEmpty() && selector.entrySet().stream().allMatch(e -> Objects.equals(labels.get(e.getKey()), e.getValue()));
    }

    static void assertSelects(Map<String, Object> selector, Map<String, Object> labels, String what) {
        assertTrue(selects(selector, labels), what + ": selector " + selector + " does not match pod labels " + labels);
    }

    /** Environment variable names a shell script expands ($NAME or ${NAME}). */
    static Set<String> scriptVariables(String script) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{?([A-Z][A-Z0-9_]*)").matcher(script);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
