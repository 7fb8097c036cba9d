package dev.stackpulse.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of the change notices (NOTIFY sent by OutboxWriter, LISTENed to by ChangeListener). */
@ConfigMapping(prefix = "stackpulse.notices")
public interface ChangeNoticeConfig {

    /** Whether writes send a NOTIFY and every replica listens for them (off: notices on the writing replica only). */
    @WithDefault("true")
    boolean enabled();

    /** NOTIFY channel; default: the outbox service name with '-' as '_' plus "_changes". */
    Optional<String> channel();

    /** Wait before re-opening a lost LISTEN connection (doubles up to 10 times this). */
    @WithDefault("100ms")
    Duration reconnectDelay();

    /** How often an idle LISTEN connection is checked to be alive. */
    @WithDefault("2s")
    Duration heartbeat();
}
