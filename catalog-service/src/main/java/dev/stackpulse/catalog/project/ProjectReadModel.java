package dev.stackpulse.catalog.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackpulse.catalog.support.Language;
import dev.stackpulse.outbox.ChangeListener;
import dev.stackpulse.outbox.ChangeNotice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GET /projects/{slug} derived once per change: each project's representation per language (view, JSON bytes,
 * ETag), kept until a ChangeNotice for the project (or "everything") drops it. Entries are kept only while the
 * change listener is connected, so no replica serves a version older than the last commit it was told of.
 */
@ApplicationScoped
public class ProjectReadModel {

    /** The leading version of every tag in an If-None-Match value ({@code "4"}, {@code W/"4-ja"}). */
    private static final Pattern TAG_VERSION = Pattern.compile("\"(\\d{1,18})");

    private final ProjectService service;
    private final ChangeListener listener;
    private final ObjectMapper mapper;
    private final Map<String, Rendered> cache = new ConcurrentHashMap<>();
    /** Counts invalidations: an entry loaded before one is not kept (it may predate the change). */
    private final AtomicLong changes = new AtomicLong();

    public ProjectReadModel(ProjectService service, ChangeListener listener, ObjectMapper mapper) {
        this.service = service;
        this.listener = listener;
        this.mapper = mapper;
    }

    /** One project's representations at one version. */
    public record Rendered(long version, Map<Language, ProjectView> views, Map<Language, byte[]> json) {

        public ProjectView view(Language language) {
            return views.get(language);
        }

        public byte[] json(Language language) {
            return json.get(language);
        }
    }

    /**
     * The project (404 if none), from memory unless {@code ifNoneMatch} names a newer version than the one held
     * (a client that wrote it elsewhere): then from the database.
     */
    public Rendered get(String slug, String ifNoneMatch) {
        Rendered held = slug == null ? null : cache.get(slug);
        if (held != null && newestVersion(ifNoneMatch) <= held.version()) {
            return held;
        }
        long before = changes.get();
        Rendered loaded = render(service.get(slug));
        if (listener.listening()) {
            cache.put(slug, loaded);
            // A change noticed while loading may postdate what was read: drop it again.
            if (changes.get() != before) {
                cache.remove(slug, loaded);
            }
        }
        return loaded;
    }

    void changed(@Observes ChangeNotice notice) {
        if (notice.everything()) {
            changes.incrementAndGet();
            cache.clear();
        } else if (notice.entity().equals(ProjectService.ENTITY)) {
            changes.incrementAndGet();
            cache.remove(notice.subject());
        }
    }

    private Rendered render(Project p) {
        Map<Language, ProjectView> views = new EnumMap<>(Language.class);
        Map<Language, byte[]> json = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            ProjectView view = ProjectView.of(p, language);
            views.put(language, view);
            try {
                json.put(language, mapper.writeValueAsBytes(view));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("project view is not serializable", e);
            }
        }
        return new Rendered(p.version, views, json);
    }

    /** The highest version an If-None-Match value names, -1 when none. */
    static long newestVersion(String ifNoneMatch) {
        if (ifNoneMatch == null || ifNoneMatch.isEmpty()) {
            return -1;
        }
        long newest = -1;
        Matcher m = TAG_VERSION.matcher(ifNoneMatch);
        while (m.find()) {
            newest = Math.max(newest, Long.parseLong(m.group(1)));
        }
        return newest;
    }
}
