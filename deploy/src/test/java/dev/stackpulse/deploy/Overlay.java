package dev.stackpulse.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** One rendered kustomize overlay and lookups into it. */
record Overlay(String name, List<Map<String, Object>> objects) {

    static final List<String> NAMES = List.of("dev", "production");

    static Path dir(String overlay) {
        return ServiceConfig.root().resolve("deploy/kubernetes/overlays").resolve(overlay);
    }

    static Overlay render(String overlay) {
        return new Overlay(overlay, Kustomize.render(dir(overlay)));
    }

    Stream<Map<String, Object>> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind")));
    }

    Optional<Map<String, Object>> find(String kind, String objectName) {
        return ofKind(kind).filter(o -> objectName.equals(Yaml.name(o))).findFirst();
    }

    Map<String, Object> get(String kind, String objectName) {
        return find(kind, objectName).orElseThrow(() -> new AssertionError(name + ": no " + kind + " " + objectName));
    }
}
