package dev.stackpulse.summit.summit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.stackpulse.outbox.ChangeListener;
import dev.stackpulse.outbox.ChangeNotice;
import dev.stackpulse.web.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.EntityTag;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rendered {@code GET /summits/{slug}} of each summit with its ETag, derived once per change instead of once per
 * request: a read is a map lookup, a matching conditional read a 304 without the database. Dropped when a change
 * commits; a client presenting a version newer than the rendered one (its own write, seen here before the change
 * notice) reads through to the database, so it never gets an older representation than the one it wrote. Kept only
 * while other replicas' change notices arrive ({@link ChangeListener#listening()}); otherwise every read is a read.
 */
@ApplicationScoped
public class SummitReadModel {

    /** The outbox entities whose subject is a summit slug: the summit and its documents, all on its version line. */
    private static final Set<String> OF_A_SUMMIT = Set.of(SummitService.ENTITY, "demographics", "highlights", "awards");
    /** The version numbers in an If-None-Match list ({@code "4"}, {@code W/"4"}, {@code "4-ja"}). */
    private static final Pattern TAG_VERSION = Pattern.compile("\"(\\d{1,18})(?:-[^\"]*)?\"");

    /** One summit as GET answers it: the JSON bytes and their tag. */
    public record Rendered(long version, byte[] json, EntityTag tag) {
    }

    private final SummitRepository summits;
    private final ObjectMapper mapper;
    private final ChangeListener listener;
    private final Cache<String, Rendered> views;
    /** Counts invalidations, so a render that raced with one is not kept (it may show the state before the change). */
    private final AtomicLong changes = new AtomicLong();

    public SummitReadModel(SummitRepository summits, ObjectMapper mapper, ChangeListener listener,
                           ReadModelConfig config) {
        this.summits = summits;
        this.mapper = mapper;
        this.listener = listener;
        this.views = Caffeine.newBuilder().maximumSize(config.maxEntries()).build();
    }

    /**
     * The summit as rendered, or 404. {@code ifNoneMatch} (may be null) naming a version newer than the rendered one
     * means the client saw a write this replica has not been told about yet: read the database.
     */
    public Rendered get(String slug, String ifNoneMatch) {
        Rendered cached = views.getIfPresent(slug);
        if (cached != null && presentedVersion(ifNoneMatch) <= cached.version()) {
            return cached;
        }
        return load(slug);
    }

    /** Forgets one summit (its figures or one of its documents changed). */
    public void changed(String slug) {
        changes.incrementAndGet();
        views.invalidate(slug);
    }

    /** Forgets every summit (changes may have been missed). */
    public void changedAll() {
        changes.incrementAndGet();
        views.invalidateAll();
    }

    /** Any replica's committed change (this replica's own before its write answers: read-your-write). */
    void onChange(@Observes ChangeNotice notice) {
        if (notice.everything()) {
            changedAll();
        } else if (OF_A_SUMMIT.contains(notice.entity())) {
            changed(notice.subject());
        }
    }

    private Rendered load(String slug) {
        long stamp = changes.get();
        SummitView view = SummitView.of(summits.find(slug));
        Rendered fresh = new Rendered(view.version(), render(view), Versions.etag(view.version()));
        if (!listener.listening()) {
            return fresh; // another replica's change could go unnoticed: keep nothing
        }
        views.asMap().merge(slug, fresh, (old, now) -> now.version() >= old.version() ? now : old);
        if (changes.get() != stamp) {
            views.asMap().remove(slug, fresh); // read before a change committed: serve it once, do not keep it
        }
        return fresh;
    }

    private byte[] render(SummitView view) {
        try {
            return mapper.writeValueAsBytes(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("summit view is not serializable", e);
        }
    }

    /** The highest version an If-None-Match value names; -1 when none (absent, "*", or not a version). */
    static long presentedVersion(String ifNoneMatch) {
        if (ifNoneMatch == null || ifNoneMatch.isEmpty()) {
            return -1;
        }
        long max = -1;
        Matcher m = TAG_VERSION.matcher(ifNoneMatch);
        while (m.find()) {
            max = Math.max(max, Long.parseLong(m.group(1)));
        }
        return max;
    }
}
