package dev.stackpulse.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A small kustomize renderer for exactly the subset this repository uses, so the checks need no kubectl:
 * resources (files and directories with their own kustomization), namespace, images, patches (strategic merge,
 * target taken from the patch's kind and name), configMapGenerator (files, literals) with disableNameSuffixHash and
 * generatorOptions.labels.
 * Anything else in a kustomization fails loudly instead of being silently ignored. Transformers run in
 * kustomize's order: generators, patches, namespace, images. {@code KustomizeRenderTest} compares the result
 * with {@code kubectl kustomize} whenever kubectl is on the PATH.
 */
final class Kustomize {

    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "namespace", "images",
            "patches", "configMapGenerator", "generatorOptions");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PersistentVolume", "StorageClass", "PriorityClass");
    /** Strategic-merge keys of the lists we patch (from the Kubernetes API's patchMergeKey). */
    private static final Map<String, String> MERGE_KEYS = Map.of("containers", "name", "initContainers", "name",
            "volumes", "name", "env", "name", "volumeMounts", "mountPath", "ports", "containerPort");

    private Kustomize() {
    }

    static List<Map<String, Object>> render(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        Map<String, Object> k = Yaml.map(Yaml.single(root.resolve("kustomization.yaml")));
        for (String key : k.keySet()) {
            if (!SUPPORTED.contains(key)) {
                throw new IllegalArgumentException(root + ": kustomization field '" + key + "' is not supported by this renderer");
            }
        }
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object entry : Yaml.list(k.getOrDefault("resources", List.of()))) {
            Path p = root.resolve((String) entry).normalize();
            if (Files.isDirectory(p)) {
                objects.addAll(render(p));
            } else {
                objects.addAll(Yaml.all(inside(root, p)));
            }
        }
        objects.addAll(generateConfigMaps(root, k));
        for (Object patch : Yaml.list(k.getOrDefault("patches", List.of()))) {
            applyPatch(root, Yaml.map(patch), objects);
        }
        Object namespace = k.get("namespace");
        if (namespace != null) {
            objects.stream().filter(o -> !CLUSTER_SCOPED.contains(o.get("kind")))
                    .forEach(o -> Yaml.map(o.get("metadata")).put("namespace", namespace));
        }
        for (Object image : Yaml.list(k.getOrDefault("images", List.of()))) {
            Map<String, Object> rule = Yaml.map(image);
            objects.forEach(o -> Yaml.containers(o).forEach(c -> retag(c, rule)));
        }
        return objects;
    }

    /** Like kustomize's load restrictor: a kustomization may read files only below its own directory. */
    private static Path inside(Path root, Path file) {
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException(file + " is outside " + root + " (kustomize refuses that)");
        }
        return file;
    }

    private static List<Map<String, Object>> generateConfigMaps(Path root, Map<String, Object> k) {
        List<Object> generators = Yaml.list(k.getOrDefault("configMapGenerator", List.of()));
        if (generators.isEmpty()) {
            return List.of();
        }
        Map<String, Object> options = Yaml.map(k.getOrDefault("generatorOptions", Map.of()));
        if (!Boolean.TRUE.equals(options.get("disableNameSuffixHash"))
                || !Set.of("disableNameSuffixHash", "labels").containsAll(options.keySet())) {
            throw new IllegalArgumentException(root + ": only generatorOptions disableNameSuffixHash: true and labels are supported");
        }
        Map<String, Object> labels = Yaml.map(options.getOrDefault("labels", Map.of()));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object g : generators) {
            Map<String, Object> gen = Yaml.map(g);
            if (!Set.of("name", "files", "literals").containsAll(gen.keySet())) {
                throw new IllegalArgumentException(root + ": unsupported configMapGenerator fields " + gen.keySet());
            }
            Map<String, Object> data = new LinkedHashMap<>();
            for (Object f : Yaml.list(gen.getOrDefault("files", List.of()))) {
                Path file = inside(root, root.resolve((String) f).normalize());
                data.put(file.getFileName().toString(), read(file));
            }
            for (Object l : Yaml.list(gen.getOrDefault("literals", List.of()))) {
                String[] kv = ((String) l).split("=", 2);
                data.put(kv[0], kv[1]);
            }
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("apiVersion", "v1");
            cm.put("kind", "ConfigMap");
            Map<String, Object> metadata = new LinkedHashMap<>(Map.of("name", gen.get("name")));
            if (!labels.isEmpty()) {
                metadata.put("labels", new LinkedHashMap<>(labels));
            }
            cm.put("metadata", metadata);
            cm.put("data", data);
            out.add(cm);
        }
        return out;
    }

    private static void applyPatch(Path root, Map<String, Object> entry, List<Map<String, Object>> objects) {
        if (!entry.keySet().equals(Set.of("path"))) {
            throw new IllegalArgumentException(root + ": only 'patches: - path: <strategic merge patch>' is supported, got " + entry.keySet());
        }
        Map<String, Object> patch = Yaml.map(Yaml.single(inside(root, root.resolve((String) entry.get("path")).normalize())));
        String kind = (String) patch.get("kind");
        String name = (String) Yaml.map(patch.get("metadata")).get("name");
        Map<String, Object> target = objects.stream()
                .filter(o -> kind.equals(o.get("kind")) && name.equals(Yaml.map(o.get("metadata")).get("name")))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(root + ": patch " + entry.get("path") + " matches no " + kind + " " + name));
        merge(target, patch);
    }

    @SuppressWarnings("unchecked")
    static void merge(Map<String, Object> target, Map<String, Object> patch) {
        for (Map.Entry<String, Object> e : patch.entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            if (key.startsWith("$")) {
                throw new IllegalArgumentException("patch directive " + key + " is not supported");
            }
            Object current = target.get(key);
            if (value == null) {
                target.remove(key);
            } else if (value instanceof Map && current instanceof Map) {
                merge((Map<String, Object>) current, (Map<String, Object>) value);
            } else if (value instanceof List && current instanceof List && MERGE_KEYS.containsKey(key)) {
                mergeList((List<Object>) current, (List<Object>) value, MERGE_KEYS.get(key));
            } else {
                target.put(key, value);
            }
        }
    }

    /** Like kustomize's merge: matching items are merged in place, new ones go first, in the patch's order. */
    @SuppressWarnings("unchecked")
    private static void mergeList(List<Object> current, List<Object> patch, String mergeKey) {
        List<Object> added = new ArrayList<>();
        for (Object p : patch) {
            Map<String, Object> item = (Map<String, Object>) p;
            current.stream().map(c -> (Map<String, Object>) c)
                    .filter(c -> Objects.equals(c.get(mergeKey), item.get(mergeKey)))
                    .findFirst()
                    .ifPresentOrElse(c -> merge(c, item), () -> added.add(item));
        }
        current.addAll(0, added);
    }

    private static void retag(Map<String, Object> container, Map<String, Object> rule) {
        String image = (String) container.get("image");
        String name = image.split("@", 2)[0];
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf('/')) {
            name = name.substring(0, colon);
        }
        if (!name.equals(rule.get("name"))) {
            return;
        }
        String newName = (String) rule.getOrDefault("newName", name);
        if (rule.containsKey("digest")) {
            container.put("image", newName + "@" + rule.get("digest"));
        } else if (rule.containsKey("newTag")) {
            container.put("image", newName + ":" + rule.get("newTag"));
        } else {
            container.put("image", newName + image.substring(name.length()));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
