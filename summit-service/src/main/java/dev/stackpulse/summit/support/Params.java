package dev.stackpulse.summit.support;

import dev.stackpulse.web.ProblemException;

/** Query parameters parsed by hand: JAX-RS would answer 404 for a malformed number, we answer 400. */
public final class Params {

    private Params() {
    }

    public static Integer integer(String name, String value, Integer fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name, "must be a whole number, was '" + value + "'");
        }
    }

    public static String required(String name, String value) {
        // strip(), not trim(): trim() also removes control characters, so "%00" would pass as "" (then as null).
        if (value == null || value.strip().isEmpty()) {
            throw ProblemException.badRequest(name, "is required");
        }
        return value.strip();
    }

    public static String oneOf(String name, String value, String fallback, String... allowed) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        for (String candidate : allowed) {
            if (candidate.equals(value.trim())) {
                return candidate;
            }
        }
        throw ProblemException.badRequest(name, "must be one of " + String.join(", ", allowed) + ", was '" + value + "'");
    }
}
