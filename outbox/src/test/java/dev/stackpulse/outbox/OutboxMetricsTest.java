package dev.stackpulse.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The backlog-age gauge behind the "outbox backlog too old" alert: it ages between relay runs, 0 when empty. */
class OutboxMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final OutboxMetrics metrics = new OutboxMetrics(registry, config("catalog.events"));

    @Test
    void theOldestWaitingEventsAgeIsMeasuredWhenScraped() {
        metrics.backlog(3, Instant.now().minusSeconds(90));
        double age = registry.get("stackpulse.outbox.oldest.age.seconds").tag("topic", "catalog.events").gauge().value();
        assertTrue(age >= 90 && age < 150, "age " + age);
        assertEquals(3, registry.get("stackpulse.outbox.backlog").gauge().value());
    }

    @Test
    void anEmptyOutboxHasNoAge() {
        metrics.backlog(3, Instant.now().minusSeconds(90));
        metrics.backlog(0, null);
        assertEquals(0, registry.get("stackpulse.outbox.oldest.age.seconds").gauge().value());
    }

    private static OutboxConfig config(String topic) {
        return (OutboxConfig) Proxy.newProxyInstance(OutboxConfig.class.getClassLoader(),
                new Class<?>[] {OutboxConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("topic")) {
                        return topic;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
