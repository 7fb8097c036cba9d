package dev.stackpulse.catalog.house;

import dev.stackpulse.testing.FeaturePackages;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The feature packages depend one way only (README: release <- project <- adoption <- navigator, and upstream (the
 * importer) on release, project and adoption; maturity and support below them all), read from the compiled classes.
 */
class PackageDependencyTest {

    private final FeaturePackages features = FeaturePackages.of("dev.stackpulse.catalog");

    @Test
    void featurePackagesDependOneWayOnly() {
        features.assertUsesOnly(Map.of(
                "support", Set.of(),
                "maturity", Set.of(),
                "release", Set.of("support"),
                "project", Set.of("release", "support"),
                "adoption", Set.of("project", "release", "support"),
                "navigator", Set.of("adoption", "project", "release", "maturity", "support"),
                "upstream", Set.of("adoption", "project", "release", "support")));
    }

    @Test
    void noCycleBetweenPackages() {
        features.assertNoCycle();
    }
}
