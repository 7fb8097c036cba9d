package dev.stackpulse.summit.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.stackpulse.events.ChangeKind;
import dev.stackpulse.outbox.OutboxWriter;
import dev.stackpulse.summit.summit.SummitRepository;
import dev.stackpulse.web.Cursor;
import dev.stackpulse.web.MergePatch;
import dev.stackpulse.web.Precondition;
import dev.stackpulse.web.Problem;
import dev.stackpulse.web.ProblemException;
import dev.stackpulse.web.ProblemType;
import dev.stackpulse.web.QueryParams.TextMatch;
import dev.stackpulse.web.Slice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/** Rules and transactions for design-summit sessions and their action items. */
@ApplicationScoped
public class SessionService {

    static final String ENTITY = "session";
    /** The one order of GET /sessions (by id); cursors carry it like a sort, so they stay bound to it. */
    static final String ORDER = "id";
    private static final TypeReference<List<String>> TOPICS = new TypeReference<>() { };
    private static final TypeReference<List<ItemInput>> ITEMS = new TypeReference<>() { };
    /** Most sessions rendered per query when many are read for the first time (a bound on IN lists). */
    private static final int RENDER_BATCH = 1000;

    private final OutboxWriter outbox;
    private final ObjectMapper mapper;
    private final MergePatch mergePatch;
    private final EntityManager em;
    private final SessionRepository sessions;
    private final SummitRepository summits;
    private final Event<SessionDeleted> deleted;
    private final NotesSearch notes;
    private final RenderedSessions rendered;
    private final SessionIndex index;

    public SessionService(OutboxWriter outbox, ObjectMapper mapper, MergePatch mergePatch, EntityManager em,
                          SessionRepository sessions, SummitRepository summits, Event<SessionDeleted> deleted,
                          NotesSearch notes, RenderedSessions rendered, SessionIndex index) {
        this.index = index;
        this.notes = notes;
        this.rendered = rendered;
        this.outbox = outbox;
        this.mapper = mapper;
        this.mergePatch = mergePatch;
        this.em = em;
        this.sessions = sessions;
        this.summits = summits;
        this.deleted = deleted;
    }

    /** Filters of GET /sessions; null means "any". summit, release and project match exactly or by prefix. */
    public record Filter(TextMatch summit, TextMatch release, TextMatch project, String itemStatus, String q) {
    }

    /**
     * Sessions matching all filters, by id, after the cursor {@code after} (null: from the first). {@code q} is a
     * case-insensitive substring match (works for Japanese, which has no word breaks) in title, summary, topics,
     * action items and the current notes (which the notes feature searches, as {@link NotesSearch}). Without q the
     * page comes from the session index (no query); with q from one query for the page's ids and versions.
     */
    @SuppressWarnings("unchecked")
    public Slice<RawValue> list(Filter filter, String after, int limit) {
        Long afterId = after == null ? null : afterId(after);
        if (filter.q() == null) {
            return fromIndex(filter, afterId == null ? Long.MIN_VALUE : afterId, limit);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> conditions = conditions(filter, params);
        if (afterId != null) {
            conditions.add("s.id > :after");
            params.put("after", afterId);
        }
        // One query for the page's ids and versions; the items' JSON comes from the rendered sessions.
        Query ids = em.createNativeQuery("SELECT s.id, s.version FROM session s"
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
                + " ORDER BY s.id LIMIT :rows");
        params.forEach(ids::setParameter);
        ids.setParameter("rows", limit + 1);
        Map<Long, RawValue> json = renderings(ids.getResultList());
        List<Map.Entry<Long, RawValue>> rows = json.entrySet().stream().filter(e -> e.getValue() != null).toList();
        return Slice.of(rows, limit, e -> cursor(e.getKey())).map(Map.Entry::getValue);
    }

    /** A page over the session index: the filters over memory, no query (the index reads the rows once per change). */
    private Slice<RawValue> fromIndex(Filter f, long afterId, int limit) {
        boolean oneSummit = f.summit() != null && !f.summit().prefix();
        List<SessionIndex.Entry> candidates = index.snapshot(this::indexEntries)
                .candidates(oneSummit ? f.summit().value() : null);
        List<SessionIndex.Entry> page = new ArrayList<>(limit + 1);
        for (int i = SessionIndex.firstAfter(candidates, afterId); i < candidates.size() && page.size() <= limit; i++) {
            SessionIndex.Entry e = candidates.get(i);
            if (matches(f.summit(), e.summit()) && matches(f.release(), e.release())
                    && matches(f.project(), e.project())
                    && (f.itemStatus() == null || e.itemStatuses().contains(f.itemStatus()))) {
                page.add(e);
            }
        }
        return Slice.of(page, limit, e -> cursor(e.id())).map(SessionIndex.Entry::json);
    }

    private static boolean matches(TextMatch match, String value) {
        return match == null || match.matches(value);
    }

    /** Every session's list fields, by id, in one query; their JSON from the renderings (made where missing). */
    @SuppressWarnings("unchecked")
    private List<SessionIndex.Entry> indexEntries() {
        List<Object[]> rows = em.createNativeQuery("SELECT s.id, s.version, s.summit_slug, s.release, s.project,"
                + " (SELECT string_agg(DISTINCT i->>'status', chr(31)) FROM jsonb_array_elements(s.items) i)"
                + " FROM session s ORDER BY s.id").getResultList();
        Map<Long, RawValue> json = renderings(rows);
        List<SessionIndex.Entry> entries = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            long id = ((Number) row[0]).longValue();
            RawValue rendering = json.get(id);
            if (rendering != null) { // null: deleted since the query
                entries.add(new SessionIndex.Entry(id, (String) row[2], (String) row[3], (String) row[4],
                        row[5] == null ? Set.of() : Set.of(((String) row[5]).split("\u001f")), rendering));
            }
        }
        return entries;
    }

    /** The JSON of each (id, version) row, in row order: from the renderings, rendering the missing ones once. */
    private Map<Long, RawValue> renderings(List<Object[]> rows) {
        Map<Long, RawValue> json = new LinkedHashMap<>();
        List<Long> missing = new ArrayList<>();
        for (Object[] row : rows) {
            long id = ((Number) row[0]).longValue();
            RawValue cached = rendered.get(id, ((Number) row[1]).longValue());
            json.put(id, cached);
            if (cached == null) {
                missing.add(id);
            }
        }
        for (int from = 0; from < missing.size(); from += RENDER_BATCH) { // first read of these versions
            DesignSession.<DesignSession>list("id in ?1", missing.subList(from,
                    Math.min(missing.size(), from + RENDER_BATCH)))
                    .forEach(s -> json.put(s.id, rendered.put(s.id, s.version, write(view(s)))));
        }
        return json;
    }

    private static String cursor(long id) {
        return Cursor.encode(List.of(ORDER, Long.toString(id)));
    }

    private static long afterId(String after) {
        List<String> parts = Cursor.decode(after, 2);
        if (!parts.get(0).equals(ORDER)) {
            throw ProblemException.badRequest("after", "this cursor belongs to another list; start again without after");
        }
        try {
            return Long.parseLong(parts.get(1));
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("after", "malformed cursor; use the one a previous page returned");
        }
    }

    /** Only fixed SQL fragments are joined here; every value is a bound parameter. */
    private List<String> conditions(Filter f, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        match(conditions, params, "s.summit_slug", "summit", f.summit());
        match(conditions, params, "s.release", "release", f.release());
        match(conditions, params, "s.project", "project", f.project());
        if (f.itemStatus() != null) {
            conditions.add("EXISTS (SELECT 1 FROM jsonb_array_elements(s.items) i WHERE i->>'status' = :itemStatus)");
            params.put("itemStatus", f.itemStatus());
        }
        if (f.q() != null) {
            String like = "%" + f.q().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            conditions.add("(lower(s.title) LIKE :q ESCAPE '\\' OR lower(coalesce(s.summary, '')) LIKE :q ESCAPE '\\'"
                    // the texts of topics and action items, not their JSON (where '"' or '[' is everywhere)
                    + " OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(s.topics) t WHERE lower(t) LIKE :q ESCAPE '\\')"
                    + " OR EXISTS (SELECT 1 FROM jsonb_array_elements(s.items) i"
                    + " WHERE lower(i->>'text') LIKE :q ESCAPE '\\')"
                    + " OR s.id IN (" + notes.sessionsWithNotesLike("q") + "))");
            params.put("q", like);
        }
        return conditions;
    }

    private static void match(List<String> conditions, Map<String, Object> params, String column, String name,
                              TextMatch match) {
        if (match != null) {
            conditions.add(match.prefix() ? column + " LIKE :" + name + " ESCAPE '\\'" : column + " = :" + name);
            params.put(name, match.prefix() ? match.likePattern() : match.value());
        }
    }

    public SessionView get(long id) {
        return view(sessions.find(id));
    }

    @Transactional
    public SessionView create(SessionInput input) {
        requireSummit(input.summit());
        DesignSession s = new DesignSession();
        apply(s, input);
        s.persist();
        outbox.record(ENTITY, subject(s), ChangeKind.CREATED, () -> view(s));
        return view(s);
    }

    @Transactional
    public SessionView replace(long id, SessionInput input, Precondition precondition) {
        requireSummit(input.summit());
        DesignSession s = sessions.findForUpdate(id);
        precondition.check(s.version);
        apply(s, input);
        outbox.record(ENTITY, subject(s), ChangeKind.UPDATED, () -> view(s));
        return view(s);
    }

    /** A JSON merge patch of the session (arrays are replaced whole); the result must be a valid PUT body. */
    @Transactional
    public SessionView patch(long id, String patch, Precondition precondition) throws JsonProcessingException {
        SessionInput merged = mergePatch.apply(input(sessions.findForUpdate(id)), patch, SessionInput.class);
        return replace(id, merged, precondition);
    }

    /** Changes one action item (usually its status) with a merge patch; one session.updated event. */
    @Transactional
    public SessionView patchItem(long id, int n, String patch, Precondition precondition)
            throws JsonProcessingException {
        DesignSession s = sessions.findForUpdate(id);
        precondition.check(s.version);
        List<ItemInput> items = new ArrayList<>(read(s.items, ITEMS));
        if (n < 1 || n > items.size()) {
            throw ProblemException.notFound("action item", id + "/" + n);
        }
        items.set(n - 1, mergePatch.apply(items.get(n - 1), patch, ItemInput.class));
        s.items = write(items);
        s.touch();
        outbox.record(ENTITY, subject(s), ChangeKind.UPDATED, () -> view(s));
        return view(s);
    }

    @Transactional
    public void delete(long id, Precondition precondition) {
        DesignSession s = sessions.findForUpdate(id);
        precondition.check(s.version);
        SessionView last = view(s);
        deleted.fire(new SessionDeleted(id)); // its notes end with it, in this transaction
        s.delete();
        outbox.record(ENTITY, subject(s), ChangeKind.DELETED, () -> last);
    }

    static String subject(DesignSession s) {
        return Long.toString(s.id);
    }

    private void requireSummit(String slug) {
        if (!summits.exists(slug)) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "summit: '" + slug + "' does not exist",
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
        s.topics = write(in.topics() == null ? List.of() : in.topics());
        s.items = write(in.items() == null ? List.of() : in.items());
        s.touch();
    }

    private SessionInput input(DesignSession s) {
        return new SessionInput(s.summit, s.release, s.project, s.title, s.kind, s.etherpad, s.reference, s.summary,
                read(s.topics, TOPICS), read(s.items, ITEMS));
    }

    SessionView view(DesignSession s) {
        List<ItemInput> items = read(s.items, ITEMS);
        List<ItemView> views = IntStream.range(0, items.size())
                .mapToObj(i -> new ItemView(i + 1, items.get(i).text(), items.get(i).status(), items.get(i).owner()))
                .toList();
        return new SessionView(s.id, s.summit, s.release, s.project, s.title, s.kind, s.etherpad, s.reference,
                s.summary, read(s.topics, TOPICS), views, s.version, s.createdAt, s.updatedAt);
    }

    /** A list for the session's jsonb columns. */
    private String write(Object document) {
        try {
            return mapper.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not serializable: " + document.getClass().getName(), e);
        }
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored JSON does not match " + type.getType(), e);
        }
    }
}
