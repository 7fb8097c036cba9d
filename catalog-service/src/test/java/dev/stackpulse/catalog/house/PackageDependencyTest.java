package dev.stackpulse.catalog.house;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The feature packages depend one way only (README: release <- project <- adoption <- navigator; maturity and support
 * below them all), read from the main sources: an import or a qualified name of another feature package counts.
 */
class PackageDependencyTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/stackpulse/catalog");
    private static final Pattern REFERENCE = Pattern.compile("dev\\.stackpulse\\.catalog\\.([a-z]+)\\.");

    /** What each package may use; anything else (in particular a way back up) fails the test. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "support", Set.of(),
            "maturity", Set.of(),
            "release", Set.of("support"),
            "project", Set.of("release", "support"),
            "adoption", Set.of("project", "release", "support"),
            "navigator", Set.of("adoption", "project", "release", "maturity", "support"));

    @Test
    void featurePackagesDependOneWayOnly() throws IOException {
        Map<String, Set<String>> uses = uses();
        assertEquals(ALLOWED.keySet(), uses.keySet(), "a new package: say where it sits in the README and here");
        List<String> wrong = new ArrayList<>();
        uses.forEach((from, targets) -> targets.stream().filter(t -> !ALLOWED.get(from).contains(t))
                .forEach(t -> wrong.add(from + " -> " + t)));
        assertTrue(wrong.isEmpty(), "dependencies against the direction: " + wrong + " (all: " + uses + ")");
    }

    @Test
    void noCycleBetweenPackages() throws IOException {
        Map<String, Set<String>> uses = uses();
        for (String start : uses.keySet()) {
            assertTrue(!reaches(uses, start, start, new TreeSet<>()), "a cycle through " + start + ": " + uses);
        }
    }

    private static boolean reaches(Map<String, Set<String>> uses, String from, String target, Set<String> seen) {
        for (String next : uses.getOrDefault(from, Set.of())) {
            if (next.equals(target) || (seen.add(next) && reaches(uses, next, target, seen))) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Set<String>> uses() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = SOURCES.relativize(file).getName(0).toString();
                if (pkg.endsWith(".java")) {
                    continue;
                }
                Set<String> targets = uses.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher m = REFERENCE.matcher(Files.readString(file));
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        targets.add(m.group(1));
                    }
                }
            }
        }
        return uses;
    }
}
