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

    /** Most events published per relay transaction. */
    @WithDefault("256")
    int batchSize();

    /** How long the relay waits for the broker's acknowledgements of one batch. */
    @WithDefault("15s")
    Duration sendTimeout();

    /** Whether the relay runs (off in tests that inspect the outbox table itself). */
    @WithDefault("true")
    boolean relayEnabled();
}
