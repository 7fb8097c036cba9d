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
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name, "must be a whole number, was '" + value + "'");
        }
    }

    public static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(name, "is required");
        }
        return value.trim();
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
