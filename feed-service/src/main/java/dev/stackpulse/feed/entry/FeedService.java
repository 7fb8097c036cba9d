package dev.stackpulse.feed.entry;

import dev.stackpulse.feed.retention.RetentionService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Pages of the feed in position order; a cursor inside the pruned prefix is refused with 410. */
@ApplicationScoped
public class FeedService {

    private final FeedRepository repository;
    private final RetentionService retention;

    public FeedService(FeedRepository repository, RetentionService retention) {
        this.repository = repository;
        this.retention = retention;
    }

    public FeedPage page(long after, int limit, FeedQuery query) {
        retention.checkCursor("after", after);
        List<FeedEntryView> entries = repository.page(after, query, limit);
        // An empty page keeps the cursor: the next poll asks for the same range (and gets 304 if still empty).
        long next = entries.isEmpty() ? after : entries.get(entries.size() - 1).position();
        return new FeedPage(entries, next);
    }
}
