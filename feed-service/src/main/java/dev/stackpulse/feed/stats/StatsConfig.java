package dev.stackpulse.feed.stats;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of /feed/stats. */
@ConfigMapping(prefix = "feed.stats")
public interface StatsConfig {

    /** How old the consumer lag shown may be: an older one is refreshed in the background while it is served. */
    @WithDefault("1s")
    Duration lagMaxAge();
}
