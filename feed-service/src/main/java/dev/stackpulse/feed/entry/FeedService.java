package dev.stackpulse.feed.entry;

import dev.stackpulse.feed.config.FeedConfig;
import dev.stackpulse.web.Problem;
import dev.stackpulse.web.ProblemException;
import dev.stackpulse.web.ProblemType;
import dev.stackpulse.web.QueryParams;
import dev.stackpulse.web.Slice;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;

/**
 * Pages of the feed in position order and the rules of its cursor (a feed position): one inside the pruned prefix
 * is refused with 410, one beyond the head with 400 (no entry would ever follow it: a client holding it would
 * silently miss everything new). Retention prunes; this class only reads its watermark.
 */
@ApplicationScoped
public class FeedService {

    private final FeedRepository repository;
    private final FeedConfig config;

    private final Counter pageReads;

    public FeedService(FeedRepository repository, FeedConfig config, MeterRegistry registry) {
        this.repository = repository;
        this.config = config;
        this.pageReads = Counter.builder("feed.page.reads")
                .description("GET /feed pages read from the database (a 304 from the feed's state reads none)")
                .register(registry);
    }

    /** A feed position parameter ({@code after}, {@code Last-Event-ID}, ...): 0 (from the start) when absent. */
    public static long position(String parameter, String raw) {
        return QueryParams.longInteger(parameter, raw, 0, Long.MAX_VALUE, 0);
    }

    /** A page and the state of the feed it was read in (what its ETag is made of). */
    public record Page(Slice<FeedEntryView> slice, FeedRepository.Version version) {
    }

    /**
     * The page after a position, from one statement (the cursor rules are checked against the same snapshot); its
     * next cursor is never null: an empty page's is the same position, to poll.
     */
    public Page page(long after, int limit, FeedQuery query) {
        pageReads.increment();
        FeedRepository.Page read = repository.read(after, query, limit, config.pageMaxBytes().asLongValue());
        FeedRepository.Version version = read.version();
        if (after > 0 && after < version.prunedThrough()) {
            throw gone("after", after, version.prunedThrough());
        }
        List<FeedEntryView> entries = read.entries();
        long head = Math.max(version.head(), version.prunedThrough());
        if (entries.isEmpty() && after > head) {
            throw beyondHead("after", after, head);
        }
        long next = entries.isEmpty() ? after : entries.get(entries.size() - 1).position();
        return new Page(new Slice<>(entries, limit, Long.toString(next)), version);
    }

    /** A page request: what its content depends on besides the feed's state. */
    public record Shape(long cursor, int limit, FeedQuery query) {
    }

    private record IssuedTag(FeedRepository.Version version, EntityTag tag) {
    }

    /** Most page requests whose tag is remembered; beyond it the memory starts over (a miss only reads the page). */
    private static final int MAX_TAGS = 10_000;

    /** Tags this replica gave, per request, with the feed's state they were computed in. */
    private final Map<Shape, IssuedTag> tags = new ConcurrentHashMap<>();

    /**
     * The tag of this request's page when this replica computed it in the feed's current state (same head, same
     * watermark: the same content), else null. Costs one small statement, no page read.
     */
    public EntityTag knownTag(Shape shape) {
        IssuedTag issued = tags.get(shape);
        return issued != null && issued.version().equals(repository.version()) ? issued.tag() : null;
    }

    /** Remembers the tag a page got in the state it was read in. */
    public void rememberTag(Shape shape, FeedRepository.Version version, EntityTag tag) {
        if (tags.size() >= MAX_TAGS) {
            tags.clear();
        }
        tags.put(shape, new IssuedTag(version, tag));
    }

    /** 410 when entries after {@code cursor} were pruned; 0 means "from the oldest entry kept" and never expires. */
    public void checkNotPruned(String parameter, long cursor) {
        if (cursor == 0) {
            return; // the usual first page: nothing to ask the database
        }
        long prunedThrough = repository.prunedThrough();
        if (cursor > 0 && cursor < prunedThrough) {
            throw gone(parameter, cursor, prunedThrough);
        }
    }

    /** 400 naming the parameter and the head when {@code cursor} is past every position ever assigned or pruned. */
    public void checkNotBeyondHead(String parameter, long cursor) {
        long head = repository.headOrPrunedThrough();
        if (cursor > head) {
            throw beyondHead(parameter, cursor, head);
        }
    }

    public static ProblemException beyondHead(String parameter, long cursor, long head) {
        String reason = "cursor " + cursor + " is beyond the newest position " + head + " (the head): no entry "
                + "follows it; use a position from a previous response, or after=" + head + " for new entries only";
        return new ProblemException(ProblemType.INVALID_PARAMETER, parameter + ": " + reason,
                List.of(new Problem.FieldError(parameter, reason)));
    }

    public static ProblemException gone(String parameter, long cursor, long prunedThrough) {
        String reason = "cursor " + cursor + " is older than the retention window (positions up to " + prunedThrough
                + " were pruned); restart from the beginning with after=0, or rebuild state from"
                + " /feed/entities/{source}/{subject} and continue from the newest position";
        return new ProblemException(ProblemType.GONE, reason, List.of(new Problem.FieldError(parameter, reason)));
    }
}
