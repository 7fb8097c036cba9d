package dev.stackpulse.summit.summit;

import dev.stackpulse.outbox.Versioned;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A summit as the API and its events show it. */
public record SummitView(String slug, String city, String season, LocalDate startDate, LocalDate endDate,
                         String status, Integer attendees, long version, OffsetDateTime createdAt,
                         OffsetDateTime updatedAt) implements Versioned {

    static SummitView of(Summit s) {
        return new SummitView(s.slug, s.city, s.season, s.startDate, s.endDate, s.status, s.attendees, s.version,
                s.createdAt, s.updatedAt);
    }
}
