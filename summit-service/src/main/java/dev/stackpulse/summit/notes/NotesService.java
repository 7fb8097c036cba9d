package dev.stackpulse.summit.notes;

import dev.stackpulse.events.ChangeEvent;
import dev.stackpulse.events.ChangeKind;
import dev.stackpulse.outbox.OutboxWriter;
import dev.stackpulse.summit.session.DesignSession;
import dev.stackpulse.summit.session.SessionService;
import dev.stackpulse.summit.support.Preconditions;
import dev.stackpulse.web.Problem;
import dev.stackpulse.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Session notes: every edit adds a revision. An edit must name the revision it was based on (If-Match); the
 * session row is locked while checking, so of two edits based on the same revision exactly one wins.
 */
@ApplicationScoped
public class NotesService {

    static final String ENTITY = "notes";

    private final OutboxWriter outbox;
    private final NotesConfig config;

    public NotesService(OutboxWriter outbox, NotesConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    public NotesView current(long sessionId) {
        SessionService.find(sessionId);
        NotesRevision latest = latest(sessionId);
        return latest == null ? new NotesView(sessionId, 0, null, null, "") : NotesView.of(latest);
    }

    @Transactional
    public NotesView edit(long sessionId, String body, String ifMatch, String author) {
        SessionService.find(sessionId);
        if (body == null) {
            throw ProblemException.badRequest("body", "must not be null");
        }
        int bytes = body.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > config.maxBytes()) {
            throw new ProblemException(dev.stackpulse.web.ProblemType.BODY_TOO_LARGE, "body: notes are at most " + config.maxBytes()
                    + " bytes of UTF-8; this body has " + bytes,
                    List.of(new Problem.FieldError("body", "larger than " + config.maxBytes() + " bytes")));
        }
        DesignSession session = SessionService.findForUpdate(sessionId);
        NotesRevision latest = latest(sessionId);
        int current = latest == null ? 0 : latest.number;
        Preconditions.requireMatch(ifMatch, current, "notes revision");
        NotesRevision r = new NotesRevision();
        r.sessionId = session.id;
        r.number = current + 1;
        r.author = author;
        r.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        r.body = body;
        r.persist();
        NotesEvent event = event(r);
        outbox.record(ENTITY, subject(sessionId), r.number == 1 ? ChangeKind.CREATED : ChangeKind.UPDATED,
                () -> event);
        return NotesView.of(r);
    }

    /**
     * Records that a session's notes go with the session (call in the delete's transaction, before the cascade):
     * a {@code summit.notes.deleted} with the last revision, so the notes entity's version line ends too.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void sessionDeleted(long sessionId) {
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

    public List<RevisionSummary> revisions(long sessionId) {
        SessionService.find(sessionId);
        return NotesRevision.<NotesRevision>list("sessionId = ?1 order by number", sessionId).stream()
                .map(r -> new RevisionSummary(r.number, r.author, r.createdAt,
                        r.body.getBytes(StandardCharsets.UTF_8).length))
                .toList();
    }

    public NotesView revision(long sessionId, int number) {
        SessionService.find(sessionId);
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
        SessionService.find(sessionId);
        return UnifiedDiff.between("revision/" + from, a, "revision/" + to, b, config.diffContext());
    }

    private static NotesRevision latest(long sessionId) {
        return NotesRevision.find("sessionId = ?1 order by number desc", sessionId).firstResult();
    }
}
