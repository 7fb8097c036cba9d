package dev.stackpulse.catalog.release;

import dev.stackpulse.catalog.adoption.AdoptionRecord;
import dev.stackpulse.catalog.project.Project;
import dev.stackpulse.events.ChangeKind;
import dev.stackpulse.outbox.OutboxWriter;
import dev.stackpulse.web.Problem;
import dev.stackpulse.web.ProblemException;
import dev.stackpulse.web.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Rules and transactions for release series; every committed change records one event. */
@ApplicationScoped
public class ReleaseService {

    static final String ENTITY = "release";

    private final OutboxWriter outbox;

    public ReleaseService(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    public List<ReleaseView> list() {
        return ReleaseSeries.ordered().stream().map(ReleaseView::of).toList();
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
        r.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        r.updatedAt = r.createdAt;
        r.persist();
        outbox.record(ENTITY, r.name, ChangeKind.CREATED, () -> ReleaseView.of(r));
        return ReleaseView.of(r);
    }

    @Transactional
    public ReleaseView replace(String name, ReleaseInput input, String ifMatch) {
        ReleaseSeries r = find(name);
        Versions.checkIfMatch(ifMatch, r.version);
        if (!name.equals(input.name())) {
            throw ProblemException.badRequest("name", "must equal the name in the path ('" + name + "')");
        }
        checkSequenceFree(input.sequence(), name);
        apply(r, input);
        r.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        outbox.record(ENTITY, r.name, ChangeKind.UPDATED, () -> ReleaseView.of(r));
        return ReleaseView.of(r);
    }

    /** Refuses (409) while a project names it as first release or a per-release record uses it. */
    @Transactional
    public void delete(String name, String ifMatch) {
        ReleaseSeries r = find(name);
        Versions.checkIfMatch(ifMatch, r.version);
        long firstOf = Project.count("firstRelease", name);
        long records = AdoptionRecord.count("releaseName", name);
        if (firstOf > 0 || records > 0) {
            throw ProblemException.conflict("release '" + name + "' is still referenced: first release of " + firstOf
                    + " project(s), " + records + " per-project record(s); remove those first");
        }
        ReleaseView last = ReleaseView.of(r);
        r.delete();
        outbox.record(ENTITY, name, ChangeKind.DELETED, () -> last);
    }

    /** The release with this name, or 404 naming the parameter it came from. */
    public static ReleaseSeries find(String name) {
        ReleaseSeries r = name == null ? null : ReleaseSeries.findById(name);
        if (r == null) {
            throw new ProblemException(dev.stackpulse.web.ProblemType.NOT_FOUND, "release '" + name + "' does not exist",
                    List.of(new Problem.FieldError("release", "unknown release")));
        }
        return r;
    }

    private static void checkSequenceFree(int sequence, String name) {
        ReleaseSeries holder = ReleaseSeries.find("sequence", sequence).firstResult();
        if (holder != null && !holder.name.equals(name)) {
            throw new ProblemException(dev.stackpulse.web.ProblemType.CONFLICT, "sequence " + sequence + " is taken by release '"
                    + holder.name + "'", List.of(new Problem.FieldError("sequence", "already used")));
        }
    }

    private static void apply(ReleaseSeries r, ReleaseInput input) {
        r.displayName = input.displayName();
        r.sequence = input.sequence();
        r.versionLabel = input.versionLabel();
        r.releaseDate = input.releaseDate();
        r.status = input.status();
        r.keywords = input.keywords() == null ? new ArrayList<>() : new ArrayList<>(input.keywords());
    }
}
