package dev.stackpulse.feed.ingest;

import dev.stackpulse.events.Rfc3339;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness reports DOWN for {@code feed.ingest.dead-letter.failure-window} after a refused record could not be
 * published to the dead-letter topic (it is then only in {@code feed_dead_letter}); the consumer keeps going.
 */
@Readiness
@ApplicationScoped
public class DeadLetterHealth implements HealthCheck {

    private final DeadLetters deadLetters;

    public DeadLetterHealth(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("dead-letter publishing");
        return deadLetters.recentPublishFailure()
                .map(f -> response.down().withData("lastFailure", Rfc3339.format(f.at())).withData("record", f.record())
                        .withData("error", f.error()))
                .orElseGet(response::up).build();
    }
}
