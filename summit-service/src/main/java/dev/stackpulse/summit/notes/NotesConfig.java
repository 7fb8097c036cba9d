package dev.stackpulse.summit.notes;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of session notes. */
@ConfigMapping(prefix = "stackpulse.notes")
public interface NotesConfig {

    /** Largest notes body in bytes of UTF-8 (default 1 MiB); the HTTP body limit must be above it. */
    @WithDefault("1048576")
    int maxBytes();

    /** Lines of context around each change in a unified diff. */
    @WithDefault("3")
    int diffContext();
}
