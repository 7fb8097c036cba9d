package dev.stackpulse.summit.session;

import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.util.RawValue;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.stackpulse.outbox.ChangeNotice;
import dev.stackpulse.summit.summit.ReadModelConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Each session's JSON as the session list shows it, kept per (id, version): a page is one query for the ids and
 * versions, and the items come from here instead of being parsed and serialized again per request. Keyed by version,
 * so a change never shows stale JSON: the list's query names the current version and an older rendering is not used.
 */
@ApplicationScoped
public class RenderedSessions {

    private record Rendered(long version, RawValue json) {
    }

    private final Cache<Long, Rendered> cache;

    public RenderedSessions(ReadModelConfig config) {
        this.cache = Caffeine.newBuilder().maximumSize(config.maxEntries()).build();
    }

    /** The JSON of this version of the session, or null when it is not rendered yet. */
    RawValue get(long id, long version) {
        Rendered r = cache.getIfPresent(id);
        return r != null && r.version() == version ? r.json() : null;
    }

    /** Keeps a rendering (the newest version wins), and returns it as a raw JSON value for the page. */
    RawValue put(long id, long version, String json) {
        Rendered fresh = new Rendered(version, new RawValue(new SerializedString(json)));
        cache.asMap().merge(id, fresh, (old, now) -> now.version() >= old.version() ? now : old);
        return fresh.json();
    }

    /** A session changed or was deleted (on any replica): its old JSON is of no further use. */
    void onChange(@Observes ChangeNotice notice) {
        if (SessionService.ENTITY.equals(notice.entity())) {
            try {
                cache.invalidate(Long.parseLong(notice.subject()));
            } catch (NumberFormatException e) {
                // not a session id: nothing rendered under it
            }
        }
    }
}
