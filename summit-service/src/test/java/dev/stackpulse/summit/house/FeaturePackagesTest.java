package dev.stackpulse.summit.house;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackpulse.testing.FeaturePackages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The layout by feature: feature packages depend on each other one way only, and only through Java types. */
class FeaturePackagesTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/stackpulse/summit");
    private static final Pattern USES = Pattern.compile("dev\\.stackpulse\\.summit\\.(\\w+)\\.");

    @Test
    void featurePackagesDependOneWayOnly() {
        FeaturePackages features = FeaturePackages.of("dev.stackpulse.summit");
        features.assertNoCycle();
        // no shared 'support' grab bag (shared rules live in web-support); summits depend on no other feature
        features.assertUsesOnly(Map.of("summit", Set.of(), "demographics", Set.of("summit"),
                "session", Set.of("summit"), "notes", Set.of("session"), "colocated", Set.of("summit")));
    }

    @Test
    void noFeatureQueriesAnotherFeaturesEntityOrTableByName() throws IOException {
        Map<String, String> entityOf = Map.of("DesignSession", "session", "NotesRevision", "notes", "Summit", "summit",
                "ColocatedEvent", "colocated", "session", "session", "notes_revision", "notes", "summit", "summit",
                "colocated_event", "colocated"); // entities and their tables
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

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
