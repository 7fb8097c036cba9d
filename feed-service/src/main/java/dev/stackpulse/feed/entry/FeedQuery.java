package dev.stackpulse.feed.entry;

import dev.stackpulse.web.ProblemException;
import io.quarkus.panache.common.Parameters;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * The filters shared by /feed, /feed/stream and the web page: {@code source} (with or without the leading '/'),
 * {@code type} (exact, or a prefix when it ends in '.'), {@code subject} (exact), {@code since} (event time, RFC 3339).
 */
public record FeedQuery(String source, String type, String subject, OffsetDateTime since) {

    public static final FeedQuery ALL = new FeedQuery(null, null, null, null);

    /** RFC 3339 years have four digits; PostgreSQL could not compare against anything outside them either. */
    private static final int MIN_YEAR = 0;
    private static final int MAX_YEAR = 9999;
    /** A cursor is plain ASCII digits (Long.parseLong alone would also take other scripts' digits). */
    private static final Pattern CURSOR = Pattern.compile("\\+?[0-9]{1,19}");

    private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9]{1,10}");

    public static FeedQuery parse(String source, String type, String subject, String since) {
        return new FeedQuery(source(text("source", source)), text("type", type), text("subject", subject),
                time("since", since));
    }

    /** A filter text; 400 naming the parameter when it holds control characters or unpaired surrogates. */
    static String text(String name, String value) {
        // Checked before trimming: trim() would silently strip leading and trailing control characters.
        if (value != null && !printable(value)) {
            throw ProblemException.badRequest(name, "must not contain control characters or unpaired surrogates");
        }
        return blankToNull(value);
    }

    private static boolean printable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                return false;
            }
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 >= text.length()
                        || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
        }
        return true;
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
            OffsetDateTime time = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            int year = time.withOffsetSameInstant(ZoneOffset.UTC).getYear();
            if (year >= MIN_YEAR && year <= MAX_YEAR) {
                return time;
            }
        } catch (DateTimeException e) {
            // malformed, or its UTC instant lies beyond java.time's own range: answered below
        }
        throw ProblemException.badRequest(name, "not an RFC 3339 time (e.g. 2015-10-27T09:00:00Z) with a year"
                + " from " + MIN_YEAR + " to " + MAX_YEAR);
    }

    /** Parses a cursor (a feed position, 0 = from the start); 400 naming the parameter when malformed. */
    public static long cursor(String name, String value) {
        String text = blankToNull(value);
        if (text == null) {
            return 0;
        }
        try {
            if (CURSOR.matcher(text).matches()) {
                return Long.parseLong(text);
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
            int number = NUMBER.matcher(text).matches() ? Integer.parseInt(text) : min - 1;
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
