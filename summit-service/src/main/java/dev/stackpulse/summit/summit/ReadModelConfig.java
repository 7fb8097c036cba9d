package dev.stackpulse.summit.summit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the read models (summits and the session list's rendered items). */
@ConfigMapping(prefix = "stackpulse.read-model")
public interface ReadModelConfig {

    /** Most entities kept rendered per read model; beyond it the least used are dropped (and rendered again when read). */
    @WithDefault("10000")
    long maxEntries();
}
