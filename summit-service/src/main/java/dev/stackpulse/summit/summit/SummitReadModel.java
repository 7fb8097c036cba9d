package dev.stackpulse.summit.summit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.stackpulse.outbox.ChangeListener;
import dev.stackpulse.outbox.ChangeNotice;
import dev.stackpulse.outbox.ReadModelChanges;
import dev.stackpulse.web.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.EntityTag;
import java.util.Set;

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

    /** One summit as GET answers it: the JSON bytes and their tag. */
    public record Rendered(long version, byte[] json, EntityTag tag) {
    }

    private final SummitRepository summits;
    private final ObjectMapper mapper;
    private final ReadModelChanges changes;
    private final Cache<String, Rendered> views;

    public SummitReadModel(SummitRepository summits, ObjectMapper mapper, ChangeListener listener,
                           ReadModelConfig config) {
        this.summits = summits;
        this.mapper = mapper;
        this.changes = new ReadModelChanges(listener);
        this.views = Caffeine.newBuilder().maximumSize(config.maxEntries()).build();
    }

    /**
     * The summit as rendered, or 404. {@code ifNoneMatch} (may be null) naming a version newer than the rendered one
     * means the client saw a write this replica has not been told about yet: read the database.
     */
    public Rendered get(String slug, String ifNoneMatch) {
        Rendered cached = views.getIfPresent(slug);
        if (cached != null && Versions.newestVersion(ifNoneMatch) <= cached.version()) {
            return cached;
        }
        return load(slug);
    }

    /** Forgets one summit (its figures or one of its documents changed). */
    public void changed(String slug) {
        changes.changed(() -> views.invalidate(slug));
    }

    /** Forgets every summit (changes may have been missed). */
    public void changedAll() {
        changes.changed(views::invalidateAll);
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
        return changes.derive(() -> {
            SummitView view = SummitView.of(summits.find(slug));
            return new Rendered(view.version(), render(view), Versions.etag(view.version()));
        }, fresh -> views.asMap().merge(slug, fresh, (old, now) -> now.version() >= old.version() ? now : old),
                fresh -> views.asMap().remove(slug, fresh));
    }

    private byte[] render(SummitView view) {
        try {
            return mapper.writeValueAsBytes(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("summit view is not serializable", e);
        }
    }
}
