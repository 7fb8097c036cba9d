package dev.stackpulse.summit.house;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The layout by feature: feature packages depend on each other one way only, and only through Java types. */
class FeaturePackagesTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/stackpulse/summit");
    private static final Pattern USES = Pattern.compile("dev\\.stackpulse\\.summit\\.(\\w+)\\.");

    @Test
    void featurePackagesFormNoCycle() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String feature = SOURCES.relativize(file).getName(0).toString();
                if (file.getParent().equals(SOURCES)) {
                    continue; // the service's entry point, not a feature
                }
                Matcher m = USES.matcher(read(file));
                while (m.find()) {
                    if (!m.group(1).equals(feature)) {
                        uses.computeIfAbsent(feature, k -> new TreeSet<>()).add(m.group(1));
                    }
                }
            }
        }
        for (String feature : uses.keySet()) {
            List<String> path = cycleFrom(feature, feature, uses, new ArrayList<>());
            assertTrue(path == null, "import cycle: " + path + " in " + uses);
        }
        assertEquals(Set.of("demographics", "notes", "session", "summit"), new HashSet<>(featureNames()),
                "feature packages (no shared 'support' grab bag: shared rules live in web-support)");
        assertEquals(Set.of(), uses.getOrDefault("summit", Set.of()), "summits depend on no other feature");
    }

    @Test
    void noFeatureQueriesAnotherFeaturesEntityOrTableByName() throws IOException {
        Map<String, String> entityOf = Map.of("DesignSession", "session", "NotesRevision", "notes", "Summit", "summit",
                "session", "session", "notes_revision", "notes", "summit", "summit"); // entities and their tables
        Pattern query = Pattern.compile("\"[^\"]*\\b(from|join|update|delete from)\\s+(\\w+)", Pattern.CASE_INSENSITIVE);
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String feature = SOURCES.relativize(file).getName(0).toString();
                Matcher m = query.matcher(read(file));
                while (m.find()) {
                    String owner = entityOf.get(m.group(2));
                    assertTrue(owner == null || owner.equals(feature), file + " queries " + m.group(2));
                }
            }
        }
    }

    private static List<String> featureNames() throws IOException {
        try (Stream<Path> dirs = Files.list(SOURCES)) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).toList();
        }
    }

    private static List<String> cycleFrom(String start, String at, Map<String, Set<String>> uses, List<String> path) {
        for (String next : uses.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(at);
                cycle.add(next);
                return cycle;
            }
            if (!path.contains(next) && !next.equals(at)) {
                List<String> deeper = new ArrayList<>(path);
                deeper.add(at);
                List<String> found = cycleFrom(start, next, uses, deeper);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
