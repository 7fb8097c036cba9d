package dev.stackpulse.summit.summit;

import dev.stackpulse.outbox.Versioned;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/** A summit's figures as the API and its events show them; {@code days} is derived from the dates. */
public record SummitView(String slug, String city, String season, LocalDate startDate, LocalDate endDate, int days,
                         String status, Integer attendees, Integer countries, Integer companies,
                         Integer pressAndAnalysts, Integer sponsors, Integer firstTimePercent, Integer minSessions,
                         Links links, long version, OffsetDateTime createdAt, OffsetDateTime updatedAt)
        implements Versioned {

    public static SummitView of(Summit s) {
        int days = (int) ChronoUnit.DAYS.between(s.startDate, s.endDate) + 1;
        return new SummitView(s.slug, s.city, s.season, s.startDate, s.endDate, days, s.status, s.attendees,
                s.countries, s.companies, s.pressAndAnalysts, s.sponsors, s.firstTimePercent, s.minSessions,
                new Links(s.siteUrl, s.videosUrl), s.version, s.createdAt, s.updatedAt);
    }
}
