package dev.stackpulse.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the outbox writer and relay. */
@ConfigMapping(prefix = "stackpulse.outbox")
public interface OutboxConfig {

    /** Service name; the CloudEvent source is "/" + this, the type prefix its first segment before '-'. */
    String service();

    /** Topic the service's events go to. */
    String topic();

    /** How often the relay looks for unpublished events when no commit woke it. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Most events the relay claims, publishes and marks at once. */
    @WithDefault("256")
    int batchSize();

    /** How long the relay waits for the broker's acknowledgements of one batch. */
    @WithDefault("15s")
    Duration sendTimeout();

    /**
     * How long published events stay in the table (to inspect or re-publish them) before the relay deletes them;
     * {@code 0s} deletes each batch as soon as Kafka acknowledged it.
     */
    @WithDefault("1h")
    Duration publishedRetention();

    /** How often the relay deletes published events older than the retention. */
    @WithDefault("1m")
    Duration purgeInterval();

    /** Most published events one purge statement deletes (it repeats until none is left). */
    @WithDefault("5000")
    int purgeBatchSize();

    /** Whether the relay runs (off in tests that inspect the outbox table itself). */
    @WithDefault("true")
    boolean relayEnabled();
}
