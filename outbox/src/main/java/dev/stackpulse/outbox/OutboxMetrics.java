package dev.stackpulse.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/** Prometheus view of the outbox: events waiting (committed, not yet acknowledged by Kafka) and published. */
@ApplicationScoped
public class OutboxMetrics {

    private final AtomicLong backlog = new AtomicLong();
    private final Counter published;

    public OutboxMetrics(MeterRegistry registry, OutboxConfig config) {
        Gauge.builder("stackpulse.outbox.backlog", backlog, AtomicLong::get)
                .description("Events committed but not yet published to Kafka")
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

    void backlog(long count) {
        backlog.set(count);
    }
}
