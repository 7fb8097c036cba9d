package dev.stackpulse.feed.entry;

import java.util.List;

/** A page of the feed; {@code next} is the cursor to pass as {@code after} for what follows. */
public record FeedPage(List<FeedEntryView> entries, long next) {
}
