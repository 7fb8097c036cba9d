package dev.stackpulse.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The newest version an If-None-Match list names, as the read models compare it with what they hold. */
class VersionsTest {

    @Test
    void newestVersionReadsEveryListedTag() {
        assertEquals(-1, Versions.newestVersion(null));
        assertEquals(-1, Versions.newestVersion(""));
        assertEquals(-1, Versions.newestVersion("*"));
        assertEquals(-1, Versions.newestVersion("\"abc\""));
        assertEquals(4, Versions.newestVersion("\"4\""));
        assertEquals(4, Versions.newestVersion("W/\"4\""));
        assertEquals(7, Versions.newestVersion("\"4-ja\", W/\"7-ja\", \"2\""));
        assertEquals(-1, Versions.newestVersion("\"1234567890123456789\"")); // beyond a long's 18 safe digits
    }
}
