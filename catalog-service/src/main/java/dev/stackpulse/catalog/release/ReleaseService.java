package dev.stackpulse.catalog.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.stackpulse.events.ChangeKind;
import dev.stackpulse.outbox.OutboxWriter;
import dev.stackpulse.web.Cursor;
import dev.stackpulse.web.MergePatch;
import dev.stackpulse.web.Precondition;
import dev.stackpulse.web.Problem;
import dev.stackpulse.web.ProblemException;
import dev.stackpulse.web.ProblemType;
import dev.stackpulse.web.Slice;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Rules and transactions for release series; every committed change records one event. */
@ApplicationScoped
public class ReleaseService {

    static final String ENTITY = "release";
    /** The one order of GET /releases; cursors carry it, so a cursor of another list is refused. */
    private static final String ORDER = "releases:sequence";

    private final Releases releases;
    private final OutboxWriter outbox;
    private final MergePatch mergePatch;
    private final List<ReleaseReferences> references;

    public ReleaseService(Releases releases, OutboxWriter outbox, MergePatch mergePatch,
                          @All List<ReleaseReferences> references) {
        this.releases = releases;
        this.outbox = outbox;
        this.mergePatch = mergePatch;
        this.references = references;
    }

    /** A page by sequence (keyset: sequence is unique), optionally of one status. */
    public Slice<ReleaseView> list(String status, String after, int limit) {
        Integer afterSequence = after == null ? null : sequenceIn(after);
        List<ReleaseSeries> rows = releases.bySequence(afterSequence, status, limit + 1);
        return Slice.of(rows, limit, r -> Cursor.encode(List.of(ORDER, Integer.toString(r.sequence))))
                .map(ReleaseView::of);
    }

    public ReleaseView get(String name) {
        return ReleaseView.of(find(name));
    }

    @Transactional
    public ReleaseView create(ReleaseInput input) {
        if (ReleaseSeries.findById(input.name()) != null) {
            throw ProblemException.conflict("release '" + input.name() + "' already exists");
        }
        checkSequenceFree(input.sequence(), input.name());
        ReleaseSeries r = new ReleaseSeries();
        r.name = input.name();
        apply(r, input);
        r.touch();
        r.persist();
        outbox.record(ENTITY, r.name, ChangeKind.CREATED, () -> ReleaseView.of(r));
        return ReleaseView.of(r);
    }

    /** Full replace: absent optional fields reset. */
    @Transactional
    public ReleaseView replace(String name, ReleaseInput input, Precondition precondition) {
        ReleaseSeries r = find(name);
        precondition.check(r.version);
        return update(r, input);
    }

    /** A JSON merge patch (RFC 7396) applied to the current state; the result must be a valid PUT body. */
    @Transactional
    public ReleaseView patch(String name, String patch, Precondition precondition) throws JsonProcessingException {
        ReleaseSeries r = find(name);
        precondition.check(r.version);
        return update(r, mergePatch.apply(ReleaseInput.of(r), patch, ReleaseInput.class));
    }

    /** Refuses (409) while another feature still refers to the release (a project's first release, records). */
    @Transactional
    public void delete(String name, Precondition precondition) {
        ReleaseSeries r = find(name);
        precondition.check(r.version);
        List<String> uses = references.stream().map(ref -> ref.referencesTo(name)).filter(Objects::nonNull).toList();
        if (!uses.isEmpty()) {
            throw ProblemException.conflict("release '" + name + "' is still referenced: " + String.join(", ", uses)
                    + "; remove those first");
        }
        ReleaseView last = ReleaseView.of(r);
        r.delete();
        outbox.record(ENTITY, name, ChangeKind.DELETED, () -> last);
    }

    private ReleaseView update(ReleaseSeries r, ReleaseInput input) {
        if (!r.name.equals(input.name())) {
            throw ProblemException.invalidBody("name", "must equal the name in the path ('" + r.name + "')");
        }
        checkSequenceFree(input.sequence(), r.name);
        apply(r, input);
        r.touch();
        outbox.record(ENTITY, r.name, ChangeKind.UPDATED, () -> ReleaseView.of(r));
        return ReleaseView.of(r);
    }

    private static ReleaseSeries find(String name) {
        ReleaseSeries r = name == null ? null : ReleaseSeries.findById(name);
        if (r == null) {
            throw Releases.unknown(name);
        }
        return r;
    }

    private static int sequenceIn(String after) {
        List<String> parts = Cursor.decode(after, 2);
        if (!parts.get(0).equals(ORDER)) {
            throw ProblemException.badRequest("after", "this cursor belongs to another list; use the next link of "
                    + "a previous page");
        }
        try {
            return Integer.parseInt(parts.get(1));
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("after", "malformed cursor; use the one a previous page returned");
        }
    }

    private static void checkSequenceFree(int sequence, String name) {
        ReleaseSeries holder = ReleaseSeries.find("sequence", sequence).firstResult();
        if (holder != null && !holder.name.equals(name)) {
            throw new ProblemException(ProblemType.CONFLICT, "sequence " + sequence + " is taken by release '"
                    + holder.name + "'", List.of(new Problem.FieldError("sequence", "already used")));
        }
    }

    private static void apply(ReleaseSeries r, ReleaseInput input) {
        r.displayName = input.displayName();
        r.sequence = input.sequence();
        r.versionLabel = input.versionLabel();
        r.releaseDate = input.releaseDate();
        r.status = input.status();
        r.lifecycle = input.lifecycle();
        r.keywords = input.keywords() == null ? new ArrayList<>() : new ArrayList<>(input.keywords());
    }
}
