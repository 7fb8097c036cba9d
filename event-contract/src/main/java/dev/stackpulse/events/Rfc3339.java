package dev.stackpulse.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;

/**
 * The one time format of every API response, event and feed: RFC 3339 in UTC with exactly three fraction digits
 * ({@code 2015-10-27T09:00:00.000Z}). Stored times are cut to milliseconds when taken, so a write's reply, the
 * read-back and the event carry the same instant.
 */
public final class Rfc3339 {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Rfc3339() {
    }

    /** Now, in UTC, at the format's precision. */
    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    /** An instant, offset or zoned time in the format (converted to UTC, cut to milliseconds). */
    public static String format(TemporalAccessor time) {
        return FORMAT.format(Instant.from(time).truncatedTo(ChronoUnit.MILLIS));
    }
}
