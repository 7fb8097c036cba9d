package dev.stackpulse.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Opaque keyset cursors: the sort key values of the last item, base64url-encoded. */
public final class Cursor {

    private static final String SEPARATOR = "\u001f";

    private Cursor() {
    }

    public static String encode(List<String> values) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, values).getBytes(StandardCharsets.UTF_8));
    }

    /** @throws ProblemException 400 naming {@code after} (the cursor parameter of every list) when not made by {@link #encode}. */
    public static List<String> decode(String cursor, int expectedParts) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> parts = List.of(text.split(SEPARATOR, -1));
            if (parts.size() != expectedParts) {
                throw new IllegalArgumentException("wrong shape");
            }
            return parts;
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("after", "malformed cursor; use the one a previous page returned");
        }
    }
}
