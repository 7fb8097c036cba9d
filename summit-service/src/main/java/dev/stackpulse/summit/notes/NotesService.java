package dev.stackpulse.summit.notes;

import dev.stackpulse.events.ChangeEvent;
import dev.stackpulse.events.ChangeKind;
import dev.stackpulse.outbox.OutboxWriter;
import dev.stackpulse.events.Rfc3339;
import dev.stackpulse.summit.session.DesignSession;
import dev.stackpulse.summit.session.SessionDeleted;
import dev.stackpulse.summit.session.SessionRepository;
import dev.stackpulse.web.Cursor;
import dev.stackpulse.web.Precondition;
import dev.stackpulse.web.Problem;
import dev.stackpulse.web.ProblemException;
import dev.stackpulse.web.ProblemType;
import dev.stackpulse.web.Slice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Session notes: every edit adds a revision. An edit must name the revision it was based on (If-Match); the
 * session row is locked while checking, so of two edits based on the same revision exactly one wins.
 */
@ApplicationScoped
public class NotesService {

    static final String ENTITY = "notes";
    /** The one order of the revision history (oldest first); cursors carry it, so they stay bound to it. */
    static final String ORDER = "revision";

    private final OutboxWriter outbox;
    private final NotesConfig config;
    private final SessionRepository sessions;

    public NotesService(OutboxWriter outbox, NotesConfig config, SessionRepository sessions) {
        this.outbox = outbox;
        this.config = config;
        this.sessions = sessions;
    }

    public NotesView current(long sessionId) {
        sessions.find(sessionId);
        NotesRevision latest = latest(sessionId);
        return latest == null ? new NotesView(sessionId, 0, null, null, "") : NotesView.of(latest);
    }

    @Transactional
    public NotesView edit(long sessionId, String body, Precondition precondition, String author) {
        sessions.find(sessionId);
        if (body == null) {
            throw ProblemException.invalidBody("body", "must not be null");
        }
        int bytes = body.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > config.maxBytes()) {
            throw new ProblemException(ProblemType.BODY_TOO_LARGE, "body: notes are at most " + config.maxBytes()
                    + " bytes of UTF-8; this body has " + bytes,
                    List.of(new Problem.FieldError("body", "larger than " + config.maxBytes() + " bytes")));
        }
        DesignSession session = sessions.findForUpdate(sessionId);
        NotesRevision latest = latest(sessionId);
        int current = latest == null ? 0 : latest.number;
        precondition.require(current, "notes revision");
        NotesRevision r = new NotesRevision();
        r.sessionId = session.id;
        r.number = current + 1;
        r.author = author;
        r.createdAt = Rfc3339.now();
        r.body = body;
        r.persist();
        NotesEvent event = event(r);
        outbox.record(ENTITY, subject(sessionId), r.number == 1 ? ChangeKind.CREATED : ChangeKind.UPDATED,
                () -> event);
        return NotesView.of(r);
    }

    /**
     * A session's notes go with the session (observed in the delete's transaction, before the cascade): a
     * {@code summit.notes.deleted} with the last revision, so the notes entity's version line ends too.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void sessionDeleted(@Observes SessionDeleted deleted) {
        long sessionId = deleted.sessionId();
        NotesRevision latest = latest(sessionId);
        if (latest != null) {
            NotesEvent last = event(latest);
            outbox.record(ENTITY, subject(sessionId), ChangeKind.DELETED, () -> last);
        }
    }

    /**
     * The notes' event subject: {@code <sessionId>/notes}. Notes revisions are a version line of their own, so they
     * must not share the session's subject (whose versions are the session's).
     */
    public static String subject(long sessionId) {
        return ChangeEvent.partSubject(Long.toString(sessionId), ENTITY);
    }

    private static NotesEvent event(NotesRevision r) {
        return new NotesEvent(r.sessionId, r.number, r.author, r.createdAt,
                r.body.getBytes(StandardCharsets.UTF_8).length,
                "/sessions/" + r.sessionId + "/notes/revisions/" + r.number);
    }

    /** The history oldest first, after the cursor {@code after} (null: from the first revision). */
    public Slice<RevisionSummary> revisions(long sessionId, String after, int limit) {
        sessions.find(sessionId);
        int from = after == null ? 0 : afterRevision(after);
        List<NotesRevision> rows = NotesRevision.<NotesRevision>find("sessionId = ?1 and number > ?2 order by number",
                sessionId, from).range(0, limit).list();
        return Slice.of(rows, limit, r -> Cursor.encode(List.of(ORDER, Integer.toString(r.number))))
                .map(r -> new RevisionSummary(r.number, r.author, r.createdAt,
                        r.body.getBytes(StandardCharsets.UTF_8).length));
    }

    private static int afterRevision(String after) {
        List<String> parts = Cursor.decode(after, 2);
        if (!parts.get(0).equals(ORDER)) {
            throw ProblemException.badRequest("after", "this cursor belongs to another list; start again without after");
        }
        try {
            return Integer.parseInt(parts.get(1));
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("after", "malformed cursor; use the one a previous page returned");
        }
    }

    public NotesView revision(long sessionId, int number) {
        sessions.find(sessionId);
        NotesRevision r = NotesRevision.find("sessionId = ?1 and number = ?2", sessionId, number).firstResult();
        if (r == null) {
            throw ProblemException.notFound("notes revision", sessionId + "/" + number);
        }
        return NotesView.of(r);
    }

    /** Unified diff from one revision to another; revision 0 is the empty text before the first edit. */
    public String diff(long sessionId, int from, int to) {
        String a = from == 0 ? "" : revision(sessionId, from).body();
        String b = to == 0 ? "" : revision(sessionId, to).body();
        sessions.find(sessionId);
        return UnifiedDiff.between("revision/" + from, a, "revision/" + to, b, config.diffContext());
    }

    private static NotesRevision latest(long sessionId) {
        return NotesRevision.find("sessionId = ?1 order by number desc", sessionId).firstResult();
    }
}
