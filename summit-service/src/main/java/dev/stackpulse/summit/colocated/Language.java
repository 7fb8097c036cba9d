package dev.stackpulse.summit.colocated;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;

/**
 * The languages a co-located event's summary is held in. The reader's Accept-Language picks one (RFC 9110 section
 * 12.5.4): the range with the highest weight that names one of ours wins ({@code ja}, {@code ja-JP}; {@code *} for
 * any, English first), weight 0 refuses it; English when nothing is acceptable or the header is absent.
 */
enum Language {
    EN, JA;

    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Language of(HttpHeaders headers) {
        return headers == null ? EN : parse(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    static Language parse(String header) {
        if (header == null || header.isBlank()) {
            return EN;
        }
        double en = -1;
        double ja = -1;
        double any = -1;
        for (String range : header.split(",")) {
            String[] parts = range.split(";");
            String tag = parts[0].trim().toLowerCase(Locale.ROOT);
            double weight = weight(parts);
            if (tag.equals("*")) {
                any = Math.max(any, weight);
            } else if (tag.equals("en") || tag.startsWith("en-")) {
                en = Math.max(en, weight);
            } else if (tag.equals("ja") || tag.startsWith("ja-")) {
                ja = Math.max(ja, weight);
            }
        }
        // a language not named takes the weight of "*", if given
        double enWeight = en >= 0 ? en : any;
        double jaWeight = ja >= 0 ? ja : any;
        return jaWeight > 0 && jaWeight > enWeight ? JA : EN;
    }

    /** The q of a range: 1 when absent; a malformed one counts as 0 (not acceptable). */
    private static double weight(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.length() >= 2 && parameter.substring(0, 2).equalsIgnoreCase("q=")) {
                String value = parameter.substring(2).trim();
                return value.matches("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?") ? Double.parseDouble(value) : 0;
            }
        }
        return 1;
    }
}
