package dev.stackpulse.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Prometheus view of the outbox: events waiting (committed, not yet acknowledged by Kafka), how long the oldest of
 * them has waited, and events published. The age is computed when scraped, so it grows even when the relay is stuck.
 */
@ApplicationScoped
public class OutboxMetrics {

    private final AtomicLong backlog = new AtomicLong();
    private final AtomicReference<Instant> oldestWaiting = new AtomicReference<>();
    private final Counter published;

    public OutboxMetrics(MeterRegistry registry, OutboxConfig config) {
        Gauge.builder("stackpulse.outbox.backlog", backlog, AtomicLong::get)
                .description("Events committed but not yet published to Kafka")
                .tag("topic", config.topic())
                .register(registry);
        Gauge.builder("stackpulse.outbox.oldest.age.seconds", this, OutboxMetrics::oldestAgeSeconds)
                .description("Seconds the oldest unpublished event has waited since its commit (0 when none waits)")
                .tag("topic", config.topic())
                .register(registry);
        this.published = Counter.builder("stackpulse.outbox.published")
                .description("Events published to Kafka and marked sent")
                .tag("topic", config.topic())
                .register(registry);
    }

    void published(int count) {
        published.increment(count);
    }

    /** The relay's last look at the table: how many wait, and when the oldest of them committed (null: none). */
    void backlog(long count, Instant oldest) {
        backlog.set(count);
        oldestWaiting.set(count == 0 ? null : oldest);
    }

    double oldestAgeSeconds() {
        Instant oldest = oldestWaiting.get();
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, Instant.now()).toMillis() / 1000.0);
    }
}
