package dev.stackpulse.feed;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackpulse.testing.FeaturePackages;
import org.junit.jupiter.api.Test;

/** The feature packages of feed-service (ingest, entry, entity, stream, atom, ...) depend on each other without a cycle. */
class PackageCyclesTest {

    private final FeaturePackages features = FeaturePackages.of("dev.stackpulse.feed");

    @Test
    void featurePackagesFormNoCycle() {
        assertTrue(features.uses().containsKey("stream"), "classes found: " + features.uses());
        features.assertNoCycle();
    }
}
