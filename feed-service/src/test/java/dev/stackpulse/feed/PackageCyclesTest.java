package dev.stackpulse.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The feature packages of feed-service (ingest, entry, entity, stream, atom, ...) depend on each other without a cycle. */
class PackageCyclesTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/stackpulse/feed");
    private static final Pattern USE = Pattern.compile("dev\\.stackpulse\\.feed\\.([a-z]+)\\.[A-Z]");

    @Test
    void featurePackagesFormNoCycle() throws IOException {
        Map<String, Set<String>> uses = new HashMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String own = SOURCES.relativize(file.getParent()).toString();
                Matcher m = USE.matcher(Files.readString(file));
                while (m.find()) {
                    if (!m.group(1).equals(own)) {
                        uses.computeIfAbsent(own, k -> new TreeSet<>()).add(m.group(1));
                    }
                }
            }
        }
        assertTrue(uses.containsKey("stream"), "sources found: " + uses);
        List<String> cycles = new ArrayList<>();
        for (String start : uses.keySet()) {
            path(start, start, uses, new HashSet<>(), new ArrayList<>(List.of(start)), cycles);
        }
        assertEquals(List.of(), cycles, "package uses: " + uses);
    }

    /** Records every path from {@code at} back to {@code start}: a cycle through {@code start}. */
    private static void path(String start, String at, Map<String, Set<String>> uses, Set<String> seen,
                             List<String> trail, List<String> cycles) {
        for (String next : uses.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                cycles.add(String.join(" -> ", trail) + " -> " + start);
            } else if (seen.add(next)) {
                trail.add(next);
                path(start, next, uses, seen, trail, cycles);
                trail.remove(trail.size() - 1);
            }
        }
    }
}
