package dev.stackpulse.catalog.support;

import dev.stackpulse.web.ProblemException;

/** Query parameters parsed by hand, so a malformed value is a 400 naming the parameter (JAX-RS would say 404). */
public final class Params {

    private Params() {
    }

    public static int intParam(String name, String raw, int defaultValue, int min, int max) {
        Integer value = optionalInt(name, raw, min, max);
        return value == null ? defaultValue : value;
    }

    public static Integer optionalInt(String name, String raw, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below with the allowed range
        }
        throw ProblemException.badRequest(name, "must be an integer from " + min + " to " + max);
    }

    public static String optionalText(String raw) {
        return raw == null || raw.isBlank() ? null : raw.trim();
    }
}
