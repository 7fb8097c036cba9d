package dev.stackpulse.summit.demographics;

import dev.stackpulse.outbox.Versioned;
import java.util.List;

/** A summit's awards as the API and the {@code summit.awards.*} events show them. */
public record AwardsView(String summit, List<Award> awards, long version) implements Versioned {
}
