package dev.stackpulse.feed.entry;

import dev.stackpulse.feed.config.FeedConfig;
import dev.stackpulse.feed.retention.RetentionService;
import dev.stackpulse.web.Problem;
import dev.stackpulse.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Pages of the feed in position order; a cursor inside the pruned prefix is refused with 410, one beyond the head
 * with 400 (no entry would ever follow it: a client holding it would silently miss everything new).
 */
@ApplicationScoped
public class FeedService {

    private final FeedRepository repository;
    private final RetentionService retention;
    private final FeedConfig config;

    public FeedService(FeedRepository repository, RetentionService retention, FeedConfig config) {
        this.repository = repository;
        this.retention = retention;
        this.config = config;
    }

    public FeedPage page(long after, int limit, FeedQuery query) {
        retention.checkCursor("after", after);
        List<FeedEntryView> entries = repository.page(after, query, limit, config.pageMaxBytes().asLongValue());
        if (entries.isEmpty()) {
            checkNotBeyondHead("after", after);
        }
        // An empty page keeps the cursor: the next poll asks for the same range (and gets 304 if still empty).
        long next = entries.isEmpty() ? after : entries.get(entries.size() - 1).position();
        return new FeedPage(entries, next);
    }

    /** 400 naming the parameter and the head when {@code cursor} is past every position ever assigned or pruned. */
    public void checkNotBeyondHead(String parameter, long cursor) {
        long head = Math.max(repository.head(), repository.prunedThrough());
        if (cursor > head) {
            throw beyondHead(parameter, cursor, head);
        }
    }

    public static ProblemException beyondHead(String parameter, long cursor, long head) {
        String reason = "cursor " + cursor + " is beyond the newest position " + head + " (the head): no entry "
                + "follows it; use a position from a previous response, or after=" + head + " for new entries only";
        return new ProblemException(dev.stackpulse.web.ProblemType.INVALID_PARAMETER, parameter + ": " + reason,
                List.of(new Problem.FieldError(parameter, reason)));
    }
}
