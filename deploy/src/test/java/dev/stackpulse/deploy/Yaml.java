package dev.stackpulse.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;

/** YAML reading (SnakeYAML: also resolves the merge keys docker-compose.yml uses) and small map helpers. */
final class Yaml {

    private Yaml() {
    }

    static List<Map<String, Object>> all(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<Map<String, Object>> docs = new ArrayList<>();
            for (Object doc : loader().loadAll(r)) {
                if (doc != null) {
                    docs.add(map(doc));
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Map<String, Object>> parseAll(String text) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : loader().loadAll(text)) {
            if (doc != null) {
                docs.add(map(doc));
            }
        }
        return docs;
    }

    static Object single(Path file) {
        List<Map<String, Object>> docs = all(file);
        if (docs.size() != 1) {
            throw new IllegalArgumentException(file + " must hold exactly one YAML document");
        }
        return docs.get(0);
    }

    static String dump(List<Map<String, Object>> objects) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setExplicitStart(true);
        return new org.yaml.snakeyaml.Yaml(options).dumpAll(objects.iterator());
    }

    private static org.yaml.snakeyaml.Yaml loader() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new org.yaml.snakeyaml.Yaml(options);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        if (!(o instanceof Map)) {
            throw new IllegalArgumentException("expected a mapping, got " + o);
        }
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        if (!(o instanceof List)) {
            throw new IllegalArgumentException("expected a list, got " + o);
        }
        return (List<Object>) o;
    }

    /** Follows a path of keys; null when any step is missing. */
    static Object at(Object o, String... keys) {
        Object cur = o;
        for (String k : keys) {
            if (!(cur instanceof Map)) {
                return null;
            }
            cur = ((Map<?, ?>) cur).get(k);
        }
        return cur;
    }

    static String name(Map<String, Object> object) {
        return (String) at(object, "metadata", "name");
    }

    /** The pod spec of a workload (Deployment, StatefulSet, ...), or null for other kinds. */
    static Map<String, Object> podSpec(Map<String, Object> object) {
        Object spec = at(object, "spec", "template", "spec");
        return spec == null ? null : map(spec);
    }

    static Stream<Map<String, Object>> containers(Map<String, Object> object) {
        Map<String, Object> pod = podSpec(object);
        if (pod == null) {
            return Stream.empty();
        }
        return Stream.of("initContainers", "containers")
                .filter(pod::containsKey)
                .flatMap(k -> list(pod.get(k)).stream().map(Yaml::map));
    }
}
