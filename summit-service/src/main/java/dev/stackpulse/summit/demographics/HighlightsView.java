package dev.stackpulse.summit.demographics;

import dev.stackpulse.outbox.Versioned;
import java.util.List;

/** A summit's keynote highlights as the API and the {@code summit.highlights.*} events show them. */
public record HighlightsView(String summit, List<String> highlights, long version) implements Versioned {
}
