package dev.stackpulse.feed;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** A small stream window, small read pages and a low subscriber limit, so tests reach every bound quickly. */
public class ConstrainedStreamProfile implements QuarkusTestProfile {

    static final long WINDOW_BYTES = 1024 * 1024;
    static final long PAGE_BYTES = 512 * 1024;
    static final int MAX_SUBSCRIBERS = 4;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("feed.stream.window-bytes", Long.toString(WINDOW_BYTES),
                "feed.page-max-bytes", Long.toString(PAGE_BYTES),
                "feed.stream.max-subscribers", Integer.toString(MAX_SUBSCRIBERS),
                "feed.stream.busy-retry-after-seconds", "7");
    }
}
