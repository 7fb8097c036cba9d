package dev.stackpulse.web;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;

/** The languages the services hold texts in (catalog descriptions, co-located event summaries); English first. */
public enum Language {
    EN("en"), JA("ja");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    /**
     * The language the client prefers among ours (RFC 9110 section 12.5.4): the highest q wins, q=0 means "not
     * this one", "*" stands for any we hold; English when nothing matches. JAX-RS' getAcceptableLanguages() is
     * not used: it keeps the ranges with q=0.
     */
    public static Language from(HttpHeaders headers) {
        return headers == null ? EN : from(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    public static Language from(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return EN;
        }
        Language best = EN;
        double bestQ = 0;
        java.util.Set<Language> refused = java.util.EnumSet.noneOf(Language.class);
        double wildcardQ = -1;
        for (String range : acceptLanguage.split(",")) {
            String[] parts = range.trim().split(";");
            String tag = parts[0].trim().toLowerCase(Locale.ROOT);
            double q = quality(parts);
            if (tag.equals("*")) {
                wildcardQ = q;
                continue;
            }
            for (Language language : values()) {
                if (tag.equals(language.tag) || tag.startsWith(language.tag + "-")) {
                    if (q <= 0) {
                        refused.add(language);
                    } else if (q > bestQ) {
                        best = language;
                        bestQ = q;
                    }
                }
            }
        }
        if (bestQ == 0 && wildcardQ > 0) {
            // "*" alone: any language we hold that was not refused; English first.
            return refused.contains(EN) && !refused.contains(JA) ? JA : EN;
        }
        return best;
    }

    /** The q parameter of a range: 1 when absent, 0 when malformed (RFC 9110 section 12.4.2). */
    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.regionMatches(true, 0, "q=", 0, 2)) {
                String value = p.substring(2).trim();
                if (!value.matches("0(\\.\\d{0,3})?|1(\\.0{0,3})?")) {
                    return 0;
                }
                return Double.parseDouble(value);
            }
        }
        return 1;
    }

    /** The text in this language when present, else the English text (the caller reports which it used). */
    public static Localized pick(Language wanted, String en, String ja) {
        if (wanted == JA && ja != null && !ja.isBlank()) {
            return new Localized(ja, JA);
        }
        return new Localized(en, EN);
    }

    /** A text and the language it is in. */
    public record Localized(String text, Language language) {
    }
}
