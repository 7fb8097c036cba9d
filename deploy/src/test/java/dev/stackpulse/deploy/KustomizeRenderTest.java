package dev.stackpulse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders every overlay, writes it to target/rendered/ for the schema validation (validate/validate.mjs), pins
 * the objects each overlay contains, and checks the renderer against real kustomize's output committed under
 * deploy/kubernetes/rendered/ (always) and that output against kubectl's kustomize (where kubectl is installed).
 */
class KustomizeRenderTest {

    private static final Map<String, Set<String>> EXPECTED = Map.of(
            "production", Set.of(
                    "Namespace/stackpulse", "ConfigMap/stackpulse-endpoints",
                    "Deployment/catalog-service", "Deployment/summit-service", "Deployment/feed-service",
                    "Service/catalog-service", "Service/summit-service", "Service/feed-service",
                    "PodDisruptionBudget/catalog-service", "PodDisruptionBudget/summit-service",
                    "PodDisruptionBudget/feed-service", "HorizontalPodAutoscaler/feed-service",
                    "NetworkPolicy/stackpulse-services",
                    "KafkaTopic/catalog-events", "KafkaTopic/summit-events", "KafkaTopic/feed-dead-letter",
                    "KafkaUser/catalog-service", "KafkaUser/summit-service", "KafkaUser/feed-service",
                    "PrometheusRule/stackpulse", "ConfigMap/stackpulse-dashboard"),
            "dev", Set.of(
                    "Namespace/stackpulse-dev", "ConfigMap/stackpulse-endpoints", "ConfigMap/postgresql-init",
                    "Deployment/catalog-service", "Deployment/summit-service", "Deployment/feed-service",
                    "Service/catalog-service", "Service/summit-service", "Service/feed-service", "Service/postgresql",
                    "PodDisruptionBudget/catalog-service", "PodDisruptionBudget/summit-service",
                    "PodDisruptionBudget/feed-service", "HorizontalPodAutoscaler/feed-service",
                    "NetworkPolicy/stackpulse-services", "NetworkPolicy/postgresql-clients", "StatefulSet/postgresql",
                    "Kafka/stackpulse-kafka", "KafkaNodePool/dual-role", "KafkaTopic/catalog-events",
                    "KafkaTopic/summit-events", "KafkaTopic/feed-dead-letter"));

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void overlayRendersExactlyTheExpectedObjectsInItsNamespace(String overlay) throws IOException {
        Overlay rendered = Overlay.render(overlay);
        Path out = Path.of(System.getProperty("stackpulse.rendered", "target/rendered"));
        Files.createDirectories(out);
        Files.writeString(out.resolve(overlay + ".yaml"), Yaml.dump(rendered.objects()), StandardCharsets.UTF_8);

        assertEquals(EXPECTED.get(overlay), ids(rendered.objects()));
        String namespace = Yaml.name(rendered.ofKind("Namespace").findFirst().orElseThrow());
        rendered.objects().stream().filter(o -> !"Namespace".equals(o.get("kind"))).forEach(o ->
                assertEquals(namespace, Yaml.at(o, "metadata", "namespace"), overlay + ": namespace of " + id(o)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void imagesComeFromTheBaseImagesListOnly(String overlay) {
        Overlay rendered = Overlay.render(overlay);
        for (String service : ServiceConfig.SERVICES) {
            Object image = Yaml.containers(rendered.get("Deployment", service)).findFirst().orElseThrow().get("image");
            assertEquals("registry.example.com/stackpulse/" + service + ":1.0.0-SNAPSHOT", image);
        }
        rendered.objects().forEach(o -> Yaml.containers(o).forEach(c ->
                assertTrue(((String) c.get("image")).contains(":"), id(o) + " runs an untagged image " + c.get("image"))));
    }

    /** Real kustomize's output, committed: the renderer is checked against it on every build, kubectl or not. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void rendererAgreesWithTheCommittedOutputOfRealKustomize(String overlay) throws IOException {
        List<String> differences = differences(golden(overlay), byId(Overlay.render(overlay).objects()));
        assertTrue(differences.isEmpty(), GOLDEN + "/" + overlay + ".yaml (real kustomize) vs Kustomize.java's rendering of "
                + "overlays/" + overlay + ": " + String.join("; ", differences) + ". If the overlay changed, run "
                + REFRESH + " (needs kubectl) and commit the result; otherwise fix Kustomize.java.");
    }

    /** Where kubectl exists: the committed output is still what real kustomize renders from today's overlays. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void committedOutputIsWhatKubectlKustomizeRendersToday(String overlay) throws Exception {
        assumeTrue(onPath("kubectl"), "kubectl is not installed: the golden files are checked against it where it is");
        Process p = new ProcessBuilder("kubectl", "kustomize", Overlay.dir(overlay).toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "kubectl kustomize failed");
        List<String> differences = differences(byId(Yaml.parseAll(output)), golden(overlay));
        assertTrue(differences.isEmpty(), GOLDEN + "/" + overlay + ".yaml is out of date with kubectl kustomize: "
                + String.join("; ", differences) + ". Run " + REFRESH + " and commit the result.");
    }

    @Test
    void theGoldenComparisonNamesWhatDiffers() {
        Map<String, Map<String, Object>> expected = byId(Yaml.parseAll("""
                {kind: Service, metadata: {name: a}, spec: {x: 1}}
                ---
                {kind: Service, metadata: {name: b}}
                """));
        Map<String, Map<String, Object>> actual = byId(Yaml.parseAll("""
                {kind: Service, metadata: {name: a}, spec: {x: 2}}
                ---
                {kind: Service, metadata: {name: c}}
                """));
        assertEquals(List.of("missing Service/b", "unexpected Service/c",
                "Service/a differs: expected {kind=Service, metadata={name=a}, spec={x=1}} but got "
                        + "{kind=Service, metadata={name=a}, spec={x=2}}"), differences(expected, actual));
    }

    @Test
    void rendererRefusesKustomizationFieldsItDoesNotImplement(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("kustomization.yaml"), "resources: []\ncommonLabels:\n  a: b\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Kustomize.render(dir));
        assertTrue(e.getMessage().contains("commonLabels"), e.getMessage());
    }

    @Test
    void rendererRefusesAPatchThatMatchesNothing(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("kustomization.yaml"), "resources: []\npatches:\n  - path: p.yaml\n");
        Files.writeString(dir.resolve("p.yaml"), "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ghost\nspec:\n  replicas: 1\n");
        assertThrows(IllegalArgumentException.class, () -> Kustomize.render(dir));
    }

    @Test
    void strategicMergeMergesContainersByNameAndEnvByName() {
        Map<String, Object> target = Yaml.parseAll("""
                spec: {template: {spec: {containers: [{name: a, image: x, env: [{name: A, value: "1"}]}, {name: b, image: y}]}}}
                """).get(0);
        Map<String, Object> patch = Yaml.parseAll("""
                spec: {template: {spec: {containers: [{name: a, env: [{name: A, value: "2"}, {name: B, value: "3"}]}]}}}
                """).get(0);
        Kustomize.merge(target, patch);
        assertEquals(Yaml.parseAll("""
                spec: {template: {spec: {containers: [{name: a, image: x, env: [{name: B, value: "3"}, {name: A, value: "2"}]}, {name: b, image: y}]}}}
                """).get(0), target, "kubectl kustomize puts the patch's new items first");
    }

    @Test
    void generatorOptionsLabelTheGeneratedConfigMaps(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("kustomization.yaml"), """
                configMapGenerator: [{name: g, literals: [k=v]}]
                generatorOptions: {disableNameSuffixHash: true, labels: {grafana_dashboard: "1"}}
                """);
        Map<String, Object> cm = Kustomize.render(dir).get(0);
        assertEquals(Map.of("name", "g", "labels", Map.of("grafana_dashboard", "1")), cm.get("metadata"));
        assertEquals(Map.of("k", "v"), cm.get("data"));
    }

    private static final String GOLDEN = "deploy/kubernetes/rendered";
    private static final String REFRESH = "deploy/kubernetes/rendered/refresh";

    private static Map<String, Map<String, Object>> golden(String overlay) throws IOException {
        return byId(Yaml.parseAll(Files.readString(ServiceConfig.root().resolve(GOLDEN).resolve(overlay + ".yaml"))));
    }

    /** What differs between two renderings, object by object (missing, unexpected, different content). */
    static List<String> differences(Map<String, Map<String, Object>> expected, Map<String, Map<String, Object>> actual) {
        List<String> out = new java.util.ArrayList<>();
        expected.keySet().stream().filter(id -> !actual.containsKey(id)).forEach(id -> out.add("missing " + id));
        actual.keySet().stream().filter(id -> !expected.containsKey(id)).forEach(id -> out.add("unexpected " + id));
        expected.forEach((id, o) -> {
            if (actual.containsKey(id) && !o.equals(actual.get(id))) {
                out.add(id + " differs: expected " + o + " but got " + actual.get(id));
            }
        });
        return out;
    }

    static String id(Map<String, Object> o) {
        return o.get("kind") + "/" + Yaml.name(o);
    }

    private static Set<String> ids(List<Map<String, Object>> objects) {
        return objects.stream().map(KustomizeRenderTest::id).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<String, Map<String, Object>> byId(List<Map<String, Object>> objects) {
        return objects.stream().collect(Collectors.toMap(KustomizeRenderTest::id, o -> o, (a, b) -> {
            throw new AssertionError("duplicate " + id(a));
        }, TreeMap::new));
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
