package dev.stackpulse.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackpulse.feed.entry.FeedEntryView;
import dev.stackpulse.feed.entry.FeedQuery;
import dev.stackpulse.feed.entry.FeedService;
import dev.stackpulse.web.ProblemException;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The filter and parameter rules shared by /feed, /feed/stream and the page (no application needed). */
class FeedQueryRulesTest {

    private static final FeedEntryView ENTRY = new FeedEntryView(7, UUID.randomUUID(), "/catalog-service",
            "catalog.project.updated", "nova", OffsetDateTime.parse("2015-10-27T09:00:00Z"), 3, false, "{}", null);

    private static FeedQuery query(String source, String type, String subject, String since, String until) {
        return FeedQuery.parse(source, type, subject, since, until);
    }

    @Test
    void sourceWithOrWithoutSlashAndTypePrefixMatch() {
        assertTrue(query("catalog-service", "catalog.project.*", "nova", null, null).matches(ENTRY));
        assertTrue(query("/catalog-service", "catalog.project.updated", null, null, null).matches(ENTRY));
        assertTrue(query(null, "*", null, null, null).matches(ENTRY), "'*' alone: every type");
        assertFalse(query(null, "catalog.project.", null, null, null).matches(ENTRY), "no '*': exact only");
        assertFalse(query(null, "catalog.project", null, null, null).matches(ENTRY));
        assertFalse(query("summit-service", null, null, null, null).matches(ENTRY));
        assertTrue(query(null, null, null, "2015-10-27T09:00:00Z", null).matches(ENTRY), "since is inclusive");
        assertTrue(query(null, null, null, "2015-10-27T18:00:00+09:00", null).matches(ENTRY), "instants compared");
        assertFalse(query(null, null, null, "2015-10-27T09:00:00.001Z", null).matches(ENTRY));
        assertFalse(query(null, null, null, null, "2015-10-27T09:00:00Z").matches(ENTRY), "until is exclusive");
        assertTrue(query(null, null, null, null, "2015-10-27T09:00:00.001Z").matches(ENTRY));
    }

    @Test
    void malformedParametersNameTheField() {
        assertEquals("since", assertThrows(ProblemException.class,
                () -> query(null, null, null, "27.10.2015", null)).errors().get(0).field());
        assertEquals("until", assertThrows(ProblemException.class,
                () -> query(null, null, null, null, "2015-10-27")).errors().get(0).field());
        assertEquals("type", assertThrows(ProblemException.class,
                () -> query(null, "catalog.*.updated", null, null, null)).errors().get(0).field());
        assertEquals("after", assertThrows(ProblemException.class, () -> FeedService.position("after", "-3"))
                .errors().get(0).field());
        assertEquals(0, FeedService.position("after", null));
        assertEquals(0, FeedService.position("after", " "));
        assertEquals(Long.MAX_VALUE, FeedService.position("after", "9223372036854775807"));
        assertEquals("after", assertThrows(ProblemException.class,
                () -> FeedService.position("after", "9223372036854775808")).errors().get(0).field());
        assertEquals("after", assertThrows(ProblemException.class, () -> FeedService.position("after", "\uFF11\uFF12"))
                .errors().get(0).field(), "only ASCII digits");
        assertEquals("since", assertThrows(ProblemException.class,
                () -> query(null, null, null, "+999999999-12-31T23:59:59-18:00", null)).errors().get(0).field());
        assertEquals("since", assertThrows(ProblemException.class,
                () -> query(null, null, null, "+10000-01-01T00:00:00Z", null)).errors().get(0).field());
        assertEquals("subject", assertThrows(ProblemException.class,
                () -> query(null, null, "\u0000", null, null)).errors().get(0).field(), "not trimmed away");
        assertEquals("type", assertThrows(ProblemException.class,
                () -> query(null, "a\uD800", null, null, null)).errors().get(0).field());
    }
}
