package dev.stackpulse.catalog.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackpulse.web.Language;
import dev.stackpulse.outbox.ChangeListener;
import dev.stackpulse.outbox.ChangeNotice;
import dev.stackpulse.outbox.ReadModelChanges;
import dev.stackpulse.web.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GET /projects/{slug} derived once per change: each project's representation per language (view, JSON bytes,
 * ETag), kept until a ChangeNotice for the project (or "everything") drops it. Entries are kept only while the
 * change listener is connected, so no replica serves a version older than the last commit it was told of.
 */
@ApplicationScoped
public class ProjectReadModel {

    private final ProjectService service;
    private final ReadModelChanges changes;
    private final ObjectMapper mapper;
    private final Map<String, Rendered> cache = new ConcurrentHashMap<>();

    public ProjectReadModel(ProjectService service, ChangeListener listener, ObjectMapper mapper) {
        this.service = service;
        this.changes = new ReadModelChanges(listener);
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
        if (held != null && Versions.newestVersion(ifNoneMatch) <= held.version()) {
            return held;
        }
        return changes.derive(() -> render(service.get(slug)), loaded -> cache.put(slug, loaded),
                loaded -> cache.remove(slug, loaded));
    }

    void changed(@Observes ChangeNotice notice) {
        if (notice.everything()) {
            changes.changed(cache::clear);
        } else if (notice.entity().equals(ProjectService.ENTITY)) {
            changes.changed(() -> cache.remove(notice.subject()));
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
}
