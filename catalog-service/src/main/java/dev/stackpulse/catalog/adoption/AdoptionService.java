package dev.stackpulse.catalog.adoption;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.stackpulse.catalog.project.ProjectDependents;
import dev.stackpulse.catalog.project.Projects;
import dev.stackpulse.catalog.release.Releases;
import dev.stackpulse.events.ChangeKind;
import dev.stackpulse.outbox.OutboxWriter;
import dev.stackpulse.web.MergePatch;
import dev.stackpulse.web.Precondition;
import dev.stackpulse.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;

/** Rules and transactions for per-project-and-release records (adoption, highlights). */
@ApplicationScoped
public class AdoptionService implements ProjectDependents {

    public static final String ENTITY = "adoption";

    private final OutboxWriter outbox;
    private final Adoptions adoptions;
    private final Releases releases;
    private final Projects projects;
    private final MergePatch mergePatch;

    public AdoptionService(OutboxWriter outbox, Adoptions adoptions, Releases releases, Projects projects,
                           MergePatch mergePatch) {
        this.outbox = outbox;
        this.adoptions = adoptions;
        this.releases = releases;
        this.projects = projects;
        this.mergePatch = mergePatch;
    }

    public AdoptionView get(String release, String project) {
        return AdoptionView.of(find(release, project));
    }

    /** Creates or replaces the record; {@code created()} tells which. If-Match on a record not there yet is 412. */
    @Transactional
    public Upsert put(String release, String project, AdoptionInput input, Precondition precondition) {
        releases.require(release);
        projects.require(project);
        AdoptionRecord a = adoptions.record(release, project).orElse(null);
        boolean created = a == null;
        if (created) {
            if (precondition.given()) {
                throw ProblemException.preconditionFailed("If-Match given but the record of project '" + project
                        + "' in release '" + release + "' does not exist yet");
            }
            a = new AdoptionRecord();
            a.releaseName = release;
            a.projectSlug = project;
        } else {
            precondition.check(a.version);
        }
        apply(a, input);
        if (created) {
            a.persist();
        }
        AdoptionRecord saved = a;
        outbox.record(ENTITY, saved.key(), created ? ChangeKind.CREATED : ChangeKind.UPDATED,
                () -> AdoptionView.of(saved));
        return new Upsert(AdoptionView.of(saved), created);
    }

    /** A JSON merge patch (RFC 7396) of an existing record; the result must be a valid PUT body. */
    @Transactional
    public AdoptionView patch(String release, String project, String patch, Precondition precondition)
            throws JsonProcessingException {
        AdoptionRecord a = find(release, project);
        precondition.check(a.version);
        apply(a, mergePatch.apply(AdoptionInput.of(a), patch, AdoptionInput.class));
        outbox.record(ENTITY, a.key(), ChangeKind.UPDATED, () -> AdoptionView.of(a));
        return AdoptionView.of(a);
    }

    @Transactional
    public void delete(String release, String project, Precondition precondition) {
        AdoptionRecord a = find(release, project);
        precondition.check(a.version);
        deleteRecord(a);
    }

    /** Removes every record of a project, one event each (called inside the project's delete transaction). */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void deleteAllOf(String project) {
        AdoptionRecord.<AdoptionRecord>list("projectSlug", project).stream()
                .sorted(Comparator.comparing(AdoptionRecord::key))
                .forEach(this::deleteRecord);
    }

    private void deleteRecord(AdoptionRecord a) {
        AdoptionView last = AdoptionView.of(a);
        a.delete();
        outbox.record(ENTITY, last.release() + "/" + last.project(), ChangeKind.DELETED, () -> last);
    }

    private AdoptionRecord find(String release, String project) {
        releases.require(release);
        projects.require(project);
        return adoptions.record(release, project).orElseThrow(() ->
                ProblemException.notFound("record of project '" + project + "' in release", release));
    }

    private static void apply(AdoptionRecord a, AdoptionInput input) {
        a.adoption = input.adoption();
        a.highlights = input.highlights() == null ? new ArrayList<>() : new ArrayList<>(input.highlights());
        a.touch();
    }

    /** The result of a PUT: the record and whether it was created. */
    public record Upsert(AdoptionView view, boolean created) {
    }
}
