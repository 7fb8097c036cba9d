package dev.stackpulse.web;

/**
 * The characters no text input may hold: C0 controls other than tab, LF and CR, unpaired surrogates and the
 * noncharacters U+FFFE/U+FFFF. None of them is valid in XML 1.0 (the Atom feed) and NUL is refused by PostgreSQL.
 */
public final class Text {

    private Text() {
    }

    /** Why the text is refused, or null when it is acceptable (null is acceptable). */
    public static String violation(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return "must not contain the control character U+%04X".formatted((int) c);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must not contain an unpaired surrogate (U+%04X)".formatted((int) c);
            } else if (c == '\uFFFE' || c == '\uFFFF') {
                return "must not contain the noncharacter U+%04X".formatted((int) c);
            }
        }
        return null;
    }

    /** @throws ProblemException 400 naming {@code field} when the text holds a refused character. */
    public static String require(String field, String text) {
        String violation = violation(text);
        if (violation != null) {
            throw ProblemException.badRequest(field, violation);
        }
        return text;
    }
}
