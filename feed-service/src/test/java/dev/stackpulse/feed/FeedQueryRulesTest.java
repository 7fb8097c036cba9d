package dev.stackpulse.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackpulse.feed.entry.FeedEntryView;
import dev.stackpulse.feed.entry.FeedQuery;
import dev.stackpulse.web.ProblemException;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The filter and parameter rules shared by /feed, /feed/stream and the page (no application needed). */
class FeedQueryRulesTest {

    private static final FeedEntryView ENTRY = new FeedEntryView(7, UUID.randomUUID(), "/catalog-service",
            "catalog.project.updated", "nova", OffsetDateTime.parse("2015-10-27T09:00:00Z"), 3, false, "{}");

    @Test
    void sourceWithOrWithoutSlashAndTypePrefixMatch() {
        assertTrue(FeedQuery.parse("catalog-service", "catalog.project.", "nova", null).matches(ENTRY));
        assertTrue(FeedQuery.parse("/catalog-service", "catalog.project.updated", null, null).matches(ENTRY));
        assertFalse(FeedQuery.parse(null, "catalog.project", null, null).matches(ENTRY), "no '.': exact only");
        assertFalse(FeedQuery.parse("summit-service", null, null, null).matches(ENTRY));
        assertTrue(FeedQuery.parse(null, null, null, "2015-10-27T09:00:00Z").matches(ENTRY), "since is inclusive");
        assertFalse(FeedQuery.parse(null, null, null, "2015-10-27T09:00:01+00:00").matches(ENTRY));
    }

    @Test
    void malformedParametersNameTheField() {
        assertEquals("since", assertThrows(ProblemException.class,
                () -> FeedQuery.parse(null, null, null, "27.10.2015")).errors().get(0).field());
        assertEquals("after", assertThrows(ProblemException.class, () -> FeedQuery.cursor("after", "-3"))
                .errors().get(0).field());
        assertEquals(400, assertThrows(ProblemException.class, () -> FeedQuery.number("limit", "0", 1, 500, 100))
                .status());
        assertEquals(0, FeedQuery.cursor("after", null));
        assertEquals("after", assertThrows(ProblemException.class, () -> FeedQuery.cursor("after", "\uFF11\uFF12"))
                .errors().get(0).field(), "only ASCII digits");
        assertEquals("since", assertThrows(ProblemException.class,
                () -> FeedQuery.time("since", "+999999999-12-31T23:59:59-18:00")).errors().get(0).field());
        assertEquals("since", assertThrows(ProblemException.class,
                () -> FeedQuery.time("since", "+10000-01-01T00:00:00Z")).errors().get(0).field());
        assertEquals("subject", assertThrows(ProblemException.class,
                () -> FeedQuery.parse(null, null, "\u0000", null)).errors().get(0).field(), "not trimmed away");
        assertEquals("type", assertThrows(ProblemException.class,
                () -> FeedQuery.parse(null, "a\uD800", null, null)).errors().get(0).field());
        assertEquals(100, FeedQuery.number("limit", " ", 1, 500, 100));
    }
}
