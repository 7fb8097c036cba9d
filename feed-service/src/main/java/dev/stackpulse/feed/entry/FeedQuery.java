package dev.stackpulse.feed.entry;

import dev.stackpulse.web.ProblemException;
import io.quarkus.panache.common.Parameters;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The filters shared by /feed, /feed/stream and the web page: {@code source} (with or without the leading '/'),
 * {@code type} (exact, or a prefix when it ends in '.'), {@code subject} (exact), {@code since} (event time, RFC 3339).
 */
public record FeedQuery(String source, String type, String subject, OffsetDateTime since) {

    public static final FeedQuery ALL = new FeedQuery(null, null, null, null);

    public static FeedQuery parse(String source, String type, String subject, String since) {
        return new FeedQuery(source(source), blankToNull(type), blankToNull(subject), time("since", since));
    }

    /** "catalog-service" and "/catalog-service" both name the source attribute "/catalog-service". */
    public static String source(String value) {
        String text = blankToNull(value);
        return text == null || text.startsWith("/") ? text : "/" + text;
    }

    /** Parses an RFC 3339 time parameter; 400 naming the parameter when malformed. */
    public static OffsetDateTime time(String name, String value) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "not an RFC 3339 time (e.g. 2015-10-27T09:00:00Z)");
        }
    }

    /** Parses a cursor (a feed position, 0 = from the start); 400 naming the parameter when malformed. */
    public static long cursor(String name, String value) {
        String text = blankToNull(value);
        if (text == null) {
            return 0;
        }
        try {
            long cursor = Long.parseLong(text.trim());
            if (cursor >= 0) {
                return cursor;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest(name, "must be a feed position (a whole number >= 0) from a previous response");
    }

    /** Parses a whole-number parameter within [min, max] (default when absent); 400 naming it otherwise. */
    public static int number(String name, String value, int min, int max, int defaultValue) {
        String text = blankToNull(value);
        if (text == null) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(text);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest(name, "must be a whole number from " + min + " to " + max);
    }

    public boolean prefixType() {
        return type != null && type.endsWith(".");
    }

    public boolean matches(FeedEntryView e) {
        return (source == null || source.equals(e.source()))
                && (type == null || (prefixType() ? e.type().startsWith(type) : type.equals(e.type())))
                && (subject == null || subject.equals(e.subject()))
                && (since == null || !e.time().isBefore(since));
    }

    /** The filters as a Panache query over FeedEntry, after the given position, in position order. */
    String jpql(Parameters params) {
        StringBuilder where = new StringBuilder("position > :after");
        if (source != null) {
            where.append(" and source = :source");
            params.and("source", source);
        }
        if (type != null && prefixType()) {
            where.append(" and type like :type escape '\\'");
            params.and("type", type.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        } else if (type != null) {
            where.append(" and type = :type");
            params.and("type", type);
        }
        if (subject != null) {
            where.append(" and subject = :subject");
            params.and("subject", subject);
        }
        if (since != null) {
            where.append(" and eventTime >= :since");
            params.and("since", since);
        }
        return where.append(" order by position").toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
