package dev.stackpulse.catalog.support;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;

/** The description languages we hold; the first one the client accepts wins, English otherwise. */
public enum Language {
    EN("en"), JA("ja");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    public static Language from(HttpHeaders headers) {
        if (headers == null) {
            return EN;
        }
        for (Locale locale : headers.getAcceptableLanguages()) {
            String lang = locale.getLanguage();
            if ("ja".equalsIgnoreCase(lang)) {
                return JA;
            }
            if ("en".equalsIgnoreCase(lang)) {
                return EN;
            }
        }
        return EN;
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
