package dev.stackpulse.feed.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of the feed (prefix {@code feed}). */
@ConfigMapping(prefix = "feed")
public interface FeedConfig {

    /** Polling hint sent as {@code X-Poll-Interval} (seconds) on GET /feed. */
    @WithDefault("5")
    int pollIntervalSeconds();

    /** Most bytes of entries one read holds (a /feed page, an SSE replay page, a stream refresh): bounds memory per request. */
    @WithDefault("1M")
    MemorySize pageMaxBytes();

    Stream stream();

    Retention retention();

    Atom atom();

    interface Stream {
        /** How often an idle SSE connection gets a heartbeat comment. */
        @WithDefault("15s")
        Duration heartbeat();

        /** Safety net: re-read new rows this often even without a NOTIFY wake-up. */
        @WithDefault("5s")
        Duration fallbackPoll();

        /** Most bytes of recent entries kept in memory for live fan-out; a subscriber behind it reads the database. */
        @WithDefault("2M")
        MemorySize windowBytes();

        /** SSE connections this replica accepts at once; beyond it new ones get 503 with Retry-After. */
        @WithDefault("10000")
        int maxSubscribers();

        /** Bytes a connection may have queued before it counts as full (Vert.x write queue; then it waits to drain). */
        @WithDefault("256K")
        MemorySize sendBuffer();

        /** A subscriber whose connection stays full this long is disconnected (it resumes with Last-Event-ID). */
        @WithDefault("10s")
        Duration slowTimeout();

        /** Worker threads that read the database for subscribers behind the window (fixed, whatever the count). */
        @WithDefault("4")
        int catchUpThreads();

        /** Delay before the LISTEN connection is opened again after it was lost or could not be opened. */
        @WithDefault("1s")
        Duration listenReconnect();

        /** Retry-After (seconds) sent with the 503 when the subscriber limit is reached. */
        @WithDefault("5")
        int busyRetryAfterSeconds();

        /** Reconnect delay the server suggests to EventSource clients ({@code retry:}). */
        @WithDefault("2s")
        Duration clientRetry();
    }

    interface Retention {
        /** How long entries are kept; absent (the default) keeps everything. */
        Optional<Duration> keep();

        /** How often the pruning job runs (it does nothing unless {@code keep} is set). */
        @WithDefault("1h")
        Duration pruneInterval();
    }

    interface Atom {
        /** Positions per archive document of /feed.atom (RFC 5005). */
        @WithDefault("50")
        int pageSize();
    }
}
