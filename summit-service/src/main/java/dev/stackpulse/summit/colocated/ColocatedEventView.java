package dev.stackpulse.summit.colocated;

import dev.stackpulse.web.Language;
import dev.stackpulse.outbox.Versioned;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * A co-located event as the API and the {@code summit.colocated-event.*} events show it. {@code summary} is in
 * {@code summaryLanguage}: the client's Accept-Language when the event holds that text, English otherwise (events
 * always carry English there); {@code summaryEn} and {@code summaryJa} are both always present.
 */
public record ColocatedEventView(String summit, String key, String kind, String name, LocalDate startDate,
                                 LocalDate endDate, int days, String taughtBy, String url, String summaryEn,
                                 String summaryJa, String summary, String summaryLanguage, long version,
                                 OffsetDateTime createdAt, OffsetDateTime updatedAt) implements Versioned {

    static ColocatedEventView of(ColocatedEvent e, Language language) {
        Language.Localized summary = Language.pick(language, e.summaryEn, e.summaryJa);
        int days = (int) ChronoUnit.DAYS.between(e.startDate, e.endDate) + 1;
        return new ColocatedEventView(e.summit, e.eventKey, e.kind, e.name, e.startDate, e.endDate, days, e.taughtBy,
                e.url, e.summaryEn, e.summaryJa, summary.text(), summary.language().tag(),
                e.version, e.createdAt, e.updatedAt);
    }

    /** Whether this representation is the default (English) one: its ETag has no language suffix. */
    boolean english() {
        return Language.EN.tag().equals(summaryLanguage);
    }
}
