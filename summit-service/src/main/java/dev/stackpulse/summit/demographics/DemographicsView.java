package dev.stackpulse.summit.demographics;

import dev.stackpulse.outbox.Versioned;
import java.util.List;

/** A summit's demographics as the API and the {@code summit.demographics.*} events show them. */
public record DemographicsView(String summit, List<String> topCountries, List<Share> regionShares,
                               List<Share> roleShares, long version) implements Versioned {
}
