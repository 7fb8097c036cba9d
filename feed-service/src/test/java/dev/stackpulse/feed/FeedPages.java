package dev.stackpulse.feed;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.restassured.path.json.JsonPath;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads list pages of the API convention ({items, limit, next}): the feed position a next link continues after. */
final class FeedPages {

    private static final Pattern AFTER = Pattern.compile("[?&]after=(\\d+)(?:&|$)");

    private FeedPages() {
    }

    /** The {@code after} of the page's next link (the feed's next is never null). */
    static long nextAfter(JsonPath page) {
        String next = page.getString("next");
        assertNotNull(next, "the feed's next is never null");
        return after(next);
    }

    static long after(String link) {
        Matcher m = AFTER.matcher(link);
        if (!m.find()) {
            throw new AssertionError("no after= in the link " + link);
        }
        return Long.parseLong(m.group(1));
    }
}
