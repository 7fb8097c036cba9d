package dev.stackpulse.web;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Query parameters of every endpoint, parsed the one way docs/api.md describes: absent or empty means "not given",
 * anything malformed is a 400 {@code invalid-parameter} naming the parameter (JAX-RS itself would answer 404).
 */
public final class QueryParams {

    /** The paging bounds of every list. */
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]{1,10}");
    private static final Pattern LONG = Pattern.compile("[+-]?[0-9]{1,19}");
    private static final int MIN_YEAR = 0;
    private static final int MAX_YEAR = 9999;

    private QueryParams() {
    }

    /** A text parameter, trimmed; null when absent or blank; 400 when it holds control characters or lone surrogates. */
    public static String text(String name, String raw) {
        if (raw == null) {
            return null;
        }
        // Checked before trimming: trim() would silently drop leading and trailing control characters.
        for (int i = 0; i < raw.length(); i++) {
            if (Character.isISOControl(raw.charAt(i))) {
                throw ProblemException.badRequest(name, "must not contain control characters");
            }
        }
        Text.require(name, raw);
        return raw.isBlank() ? null : raw.trim();
    }

    /** A whole number in [min, max], or null when absent. */
    public static Integer integer(String name, String raw, int min, int max) {
        String text = text(name, raw);
        if (text == null) {
            return null;
        }
        if (INTEGER.matcher(text).matches()) {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return (int) value;
            }
        }
        throw ProblemException.badRequest(name, "must be a whole number from " + min + " to " + max);
    }

    public static int integer(String name, String raw, int min, int max, int defaultValue) {
        Integer value = integer(name, raw, min, max);
        return value == null ? defaultValue : value;
    }

    /** A whole number in [min, max] beyond int's range (e.g. a feed position), or null when absent. */
    public static Long longInteger(String name, String raw, long min, long max) {
        String text = text(name, raw);
        if (text == null) {
            return null;
        }
        if (LONG.matcher(text).matches()) {
            try {
                long value = Long.parseLong(text);
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException overflow) {
                // 19 digits beyond Long.MAX_VALUE: answered below
            }
        }
        throw ProblemException.badRequest(name, "must be a whole number from " + min + " to " + max);
    }

    public static long longInteger(String name, String raw, long min, long max, long defaultValue) {
        Long value = longInteger(name, raw, min, max);
        return value == null ? defaultValue : value;
    }

    /** The page size of a list: 1..{@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT}. */
    public static int limit(String raw) {
        return integer("limit", raw, 1, MAX_LIMIT, DEFAULT_LIMIT);
    }

    /** One of the allowed values (exact), or null when absent. */
    public static String oneOf(String name, String raw, Collection<String> allowed) {
        String text = text(name, raw);
        if (text == null || allowed.contains(text)) {
            return text;
        }
        throw ProblemException.badRequest(name, "must be one of " + String.join(", ", allowed) + ", was '" + text + "'");
    }

    /** An RFC 3339 date-time with an offset (years 0000-9999), or null when absent. */
    public static OffsetDateTime time(String name, String raw) {
        String text = text(name, raw);
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
            // malformed, or its UTC instant lies beyond java.time's range: answered below
        }
        throw ProblemException.badRequest(name, "must be an RFC 3339 time such as 2015-10-27T09:00:00.000Z (years "
                + MIN_YEAR + " to " + MAX_YEAR + ")");
    }

    /** An exact or prefix match (a trailing '*'), or null when absent. */
    public static TextMatch match(String name, String raw) {
        String text = text(name, raw);
        if (text == null) {
            return null;
        }
        boolean prefix = text.endsWith("*");
        String value = prefix ? text.substring(0, text.length() - 1) : text;
        if (value.contains("*")) {
            throw ProblemException.badRequest(name, "'*' may only end a value (a prefix match)");
        }
        return new TextMatch(value, prefix);
    }

    /** A filter value: matches exactly, or every text starting with {@code value} when {@code prefix}. */
    public record TextMatch(String value, boolean prefix) {

        public boolean matches(String text) {
            return text != null && (prefix ? text.startsWith(value) : text.equals(value));
        }

        /** A LIKE pattern (escape character '\') for the match. */
        public String likePattern() {
            String escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            return prefix ? escaped + "%" : escaped;
        }
    }
}
