package dev.stackpulse.feed.entry;

import java.util.List;

/** A page of the feed; {@code next} is the cursor to pass as {@code after} for what follows. */
public record FeedPage(List<FeedEntryView> entries, long next) {

    /** A validator that changes exactly when the page's content does (same query, new entries => new tag). */
    public String etag(long after, int limit, FeedQuery query) {
        return "\"" + next + "-" + entries.size() + "-" + Integer.toHexString(java.util.Objects.hash(after, limit, query))
                + "\"";
    }
}
