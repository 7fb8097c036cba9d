package dev.stackpulse.summit.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.stackpulse.events.ChangeKind;
import dev.stackpulse.outbox.OutboxWriter;
import dev.stackpulse.summit.notes.NotesService;
import dev.stackpulse.summit.summit.Summit;
import dev.stackpulse.summit.support.Json;
import dev.stackpulse.summit.support.Paging;
import dev.stackpulse.web.Problem;
import dev.stackpulse.web.ProblemException;
import dev.stackpulse.web.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Rules and transactions for design-summit sessions and their action items. */
@ApplicationScoped
public class SessionService {

    static final String ENTITY = "session";
    private static final TypeReference<List<String>> TOPICS = new TypeReference<>() { };
    private static final TypeReference<List<ItemInput>> ITEMS = new TypeReference<>() { };

    private final OutboxWriter outbox;
    private final Json json;
    private final EntityManager em;
    private final NotesService notes;

    public SessionService(OutboxWriter outbox, Json json, EntityManager em, NotesService notes) {
        this.outbox = outbox;
        this.notes = notes;
        this.json = json;
        this.em = em;
    }

    /** Filters of GET /sessions; null means "any". */
    public record Filter(String summit, String release, String project, String itemStatus, String q) {
    }

    public record Listing(List<SessionView> items, long total) {
    }

    /**
     * Sessions matching all filters, by id. {@code q} is a case-insensitive substring match (works for Japanese,
     * which has no word breaks) in title, summary, topics, action items and the current notes.
     */
    @SuppressWarnings("unchecked")
    public Listing list(Filter filter, Paging paging) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params);
        Query count = em.createNativeQuery("SELECT count(*) FROM session s" + where);
        Query ids = em.createNativeQuery("SELECT s.id FROM session s" + where + " ORDER BY s.id LIMIT :limit OFFSET :offset");
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            ids.setParameter(k, v);
        });
        ids.setParameter("limit", paging.size()).setParameter("offset", paging.offset());
        long total = ((Number) count.getSingleResult()).longValue();
        List<Long> found = ((List<Number>) ids.getResultList()).stream().map(Number::longValue).toList();
        Map<Long, DesignSession> byId = new LinkedHashMap<>();
        if (!found.isEmpty()) {
            DesignSession.<DesignSession>list("id in ?1", found).forEach(s -> byId.put(s.id, s));
        }
        return new Listing(found.stream().map(byId::get).map(this::view).toList(), total);
    }

    /** Only fixed SQL fragments are joined here; every value is a bound parameter. */
    private static String where(Filter f, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        if (f.summit() != null) {
            conditions.add("s.summit_slug = :summit");
            params.put("summit", f.summit());
        }
        if (f.release() != null) {
            conditions.add("s.release = :release");
            params.put("release", f.release());
        }
        if (f.project() != null) {
            conditions.add("s.project = :project");
            params.put("project", f.project());
        }
        if (f.itemStatus() != null) {
            conditions.add("EXISTS (SELECT 1 FROM jsonb_array_elements(s.items) i WHERE i->>'status' = :itemStatus)");
            params.put("itemStatus", f.itemStatus());
        }
        if (f.q() != null) {
            conditions.add("(lower(s.title) LIKE :q ESCAPE '\\' OR lower(coalesce(s.summary, '')) LIKE :q ESCAPE '\\'"
                    // the texts of topics and action items, not their JSON (where '"' or '[' is everywhere)
                    + " OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(s.topics) t WHERE lower(t) LIKE :q ESCAPE '\\')"
                    + " OR EXISTS (SELECT 1 FROM jsonb_array_elements(s.items) i"
                    + " WHERE lower(i->>'text') LIKE :q ESCAPE '\\')"
                    + " OR EXISTS (SELECT 1 FROM notes_revision r WHERE r.session_id = s.id"
                    + " AND r.number = (SELECT max(m.number) FROM notes_revision m WHERE m.session_id = s.id)"
                    + " AND lower(r.body) LIKE :q ESCAPE '\\'))");
            params.put("q", "%" + f.q().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    public SessionView get(long id) {
        return view(find(id));
    }

    @Transactional
    public SessionView create(SessionInput input) {
        requireSummit(input.summit());
        DesignSession s = new DesignSession();
        s.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        apply(s, input);
        s.persist();
        outbox.record(ENTITY, subject(s), ChangeKind.CREATED, () -> view(s));
        return view(s);
    }

    @Transactional
    public SessionView replace(long id, SessionInput input, String ifMatch) {
        requireSummit(input.summit());
        DesignSession s = findForUpdate(id);
        Versions.checkIfMatch(ifMatch, s.version);
        apply(s, input);
        outbox.record(ENTITY, subject(s), ChangeKind.UPDATED, () -> view(s));
        return view(s);
    }

    @Transactional
    public SessionView patch(long id, JsonNode patch, String ifMatch) throws JsonProcessingException {
        SessionInput merged = json.mergePatch(input(find(id)), patch, SessionInput.class);
        return replace(id, merged, ifMatch);
    }

    /** Changes one action item (usually its status) with a merge patch; one session.updated event. */
    @Transactional
    public SessionView patchItem(long id, int n, JsonNode patch, String ifMatch) throws JsonProcessingException {
        DesignSession s = findForUpdate(id);
        Versions.checkIfMatch(ifMatch, s.version);
        List<ItemInput> items = new ArrayList<>(json.read(s.items, ITEMS));
        if (n < 1 || n > items.size()) {
            throw ProblemException.notFound("action item", id + "/" + n);
        }
        items.set(n - 1, json.mergePatch(items.get(n - 1), patch, ItemInput.class));
        s.items = json.write(items);
        s.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        outbox.record(ENTITY, subject(s), ChangeKind.UPDATED, () -> view(s));
        return view(s);
    }

    @Transactional
    public void delete(long id, String ifMatch) {
        DesignSession s = findForUpdate(id);
        Versions.checkIfMatch(ifMatch, s.version);
        SessionView last = view(s);
        notes.sessionDeleted(id); // the notes go with the session (cascade): their version line ends too
        s.delete();
        outbox.record(ENTITY, subject(s), ChangeKind.DELETED, () -> last);
    }

    /** The session or 404. */
    public static DesignSession find(long id) {
        DesignSession s = DesignSession.findById(id);
        if (s == null) {
            throw ProblemException.notFound("session", Long.toString(id));
        }
        return s;
    }

    /** The session locked for this transaction, or 404. */
    public static DesignSession findForUpdate(long id) {
        DesignSession s = DesignSession.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            throw ProblemException.notFound("session", Long.toString(id));
        }
        return s;
    }

    static String subject(DesignSession s) {
        return Long.toString(s.id);
    }

    private static void requireSummit(String slug) {
        if (Summit.findById(slug) == null) {
            throw new ProblemException(dev.stackpulse.web.ProblemType.UNPROCESSABLE, "summit: '" + slug + "' does not exist",
                    List.of(new Problem.FieldError("summit", "summit '" + slug + "' does not exist")));
        }
    }

    private void apply(DesignSession s, SessionInput in) {
        s.summit = in.summit();
        s.release = in.release();
        s.project = in.project();
        s.title = in.title();
        s.kind = in.kind();
        s.etherpad = in.etherpad();
        s.reference = in.reference();
        s.summary = in.summary();
        s.topics = json.write(in.topics() == null ? List.of() : in.topics());
        s.items = json.write(in.items() == null ? List.of() : in.items());
        s.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    private SessionInput input(DesignSession s) {
        return new SessionInput(s.summit, s.release, s.project, s.title, s.kind, s.etherpad, s.reference, s.summary,
                json.read(s.topics, TOPICS), json.read(s.items, ITEMS));
    }

    SessionView view(DesignSession s) {
        List<ItemInput> items = json.read(s.items, ITEMS);
        List<ItemView> views = IntStream.range(0, items.size())
                .mapToObj(i -> new ItemView(i + 1, items.get(i).text(), items.get(i).status(), items.get(i).owner()))
                .toList();
        return new SessionView(s.id, s.summit, s.release, s.project, s.title, s.kind, s.etherpad, s.reference,
                s.summary, json.read(s.topics, TOPICS), views, s.version, s.createdAt, s.updatedAt);
    }
}
