package dev.stackpulse.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long a bearer token whose signature and claims were verified is trusted again without verifying it. */
@ConfigMapping(prefix = "stackpulse.jwt.verified-cache")
public interface VerifiedTokenCacheConfig {

    /** Most distinct tokens remembered (each a few KiB of parsed claims); 0 verifies every request. */
    @WithDefault("512")
    int maxEntries();

    /** Longest a verified token is remembered; never past its own expiry. */
    @WithDefault("5m")
    Duration maxAge();
}
