package dev.stackpulse.catalog.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.stackpulse.catalog.release.Releases;
import dev.stackpulse.events.ChangeKind;
import dev.stackpulse.outbox.OutboxWriter;
import dev.stackpulse.web.MergePatch;
import dev.stackpulse.web.Precondition;
import dev.stackpulse.web.ProblemException;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Rules and transactions for projects: every committed change records its event in the outbox. */
@ApplicationScoped
public class ProjectService {

    static final String ENTITY = "project";

    private final OutboxWriter outbox;
    private final Releases releases;
    private final MergePatch mergePatch;
    private final List<ProjectDependents> dependents;

    public ProjectService(OutboxWriter outbox, Releases releases, MergePatch mergePatch,
                          @All List<ProjectDependents> dependents) {
        this.outbox = outbox;
        this.releases = releases;
        this.mergePatch = mergePatch;
        this.dependents = dependents;
    }

    public Project get(String slug) {
        return find(slug);
    }

    @Transactional
    public Project create(ProjectInput input) {
        if (Project.findById(input.slug()) != null) {
            throw ProblemException.conflict("project '" + input.slug() + "' already exists");
        }
        checkFirstRelease(input.firstRelease());
        Project p = new Project();
        p.slug = input.slug();
        ProjectMapper.apply(p, input);
        p.touch();
        p.persist();
        outbox.record(ENTITY, p.slug, ChangeKind.CREATED, () -> ProjectView.of(p));
        return p;
    }

    /** Full update: every field of the input replaces the stored one (absent optional fields reset). */
    @Transactional
    public Project replace(String slug, ProjectInput input, Precondition precondition) {
        Project p = find(slug);
        precondition.check(p.version);
        update(p, input);
        return p;
    }

    /** Partial update: a JSON merge patch (RFC 7396) applied to the current state, then validated whole. */
    @Transactional
    public Project patch(String slug, String patch, Precondition precondition) throws JsonProcessingException {
        Project p = find(slug);
        precondition.check(p.version);
        update(p, mergePatch.apply(ProjectMapper.toInput(p), patch, ProjectInput.class));
        return p;
    }

    /** Deletes the project and its per-release records: one event per removed record, then the project's. */
    @Transactional
    public void delete(String slug, Precondition precondition) {
        Project p = find(slug);
        precondition.check(p.version);
        dependents.forEach(d -> d.deleteAllOf(slug));
        ProjectView last = ProjectView.of(p);
        p.delete();
        outbox.record(ENTITY, slug, ChangeKind.DELETED, () -> last);
    }

    private static Project find(String slug) {
        Project p = slug == null ? null : Project.findById(slug);
        if (p == null) {
            throw ProblemException.notFound("project", slug);
        }
        return p;
    }

    private void update(Project p, ProjectInput input) {
        if (!p.slug.equals(input.slug())) {
            throw ProblemException.invalidBody("slug", "must equal the slug in the path ('" + p.slug + "')");
        }
        checkFirstRelease(input.firstRelease());
        ProjectMapper.apply(p, input);
        p.touch();
        outbox.record(ENTITY, p.slug, ChangeKind.UPDATED, () -> ProjectView.of(p));
    }

    private void checkFirstRelease(String release) {
        if (release != null && !releases.exists(release)) {
            throw ProblemException.invalidBody("firstRelease", "unknown release '" + release + "'");
        }
    }
}
