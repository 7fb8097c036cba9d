package dev.stackpulse.catalog.adoption;

import dev.stackpulse.catalog.project.Project;
import dev.stackpulse.catalog.project.ProjectService;
import dev.stackpulse.catalog.release.ReleaseService;
import dev.stackpulse.events.ChangeKind;
import dev.stackpulse.outbox.OutboxWriter;
import dev.stackpulse.web.ProblemException;
import dev.stackpulse.web.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Rules and transactions for per-project-and-release records (adoption, highlights). */
@ApplicationScoped
public class AdoptionService {

    public static final String ENTITY = "adoption";

    private final OutboxWriter outbox;

    public AdoptionService(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    public AdoptionView get(String release, String project) {
        return AdoptionView.of(find(release, project));
    }

    /** Highlights of every project that has some in this release, by project name. */
    public List<HighlightView> highlights(String release) {
        ReleaseService.find(release);
        List<AdoptionRecord> records = AdoptionRecord.ofRelease(release).stream()
                .filter(a -> !a.highlights.isEmpty()).toList();
        Map<String, Project> projects = Project.<Project>listAll().stream()
                .collect(Collectors.toMap(p -> p.slug, Function.identity()));
        return records.stream()
                .map(a -> new HighlightView(a.projectSlug, projects.get(a.projectSlug).name, a.adoption,
                        List.copyOf(a.highlights)))
                .sorted(Comparator.comparing(HighlightView::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** Creates or replaces the record; {@code created()} tells which. */
    @Transactional
    public Upsert put(String release, String project, AdoptionInput input, String ifMatch) {
        ReleaseService.find(release);
        ProjectService.find(project);
        AdoptionRecord a = AdoptionRecord.findOne(release, project);
        boolean created = a == null;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (created) {
            if (ifMatch != null && !ifMatch.isBlank() && !ifMatch.trim().equals("*")) {
                throw ProblemException.preconditionFailed("If-Match given but the record does not exist yet");
            }
            a = new AdoptionRecord();
            a.releaseName = release;
            a.projectSlug = project;
            a.createdAt = now;
        } else {
            Versions.checkIfMatch(ifMatch, a.version);
        }
        a.adoption = input.adoption();
        a.highlights = input.highlights() == null ? new ArrayList<>() : new ArrayList<>(input.highlights());
        a.updatedAt = now;
        if (created) {
            a.persist();
        }
        AdoptionRecord saved = a;
        outbox.record(ENTITY, saved.key(), created ? ChangeKind.CREATED : ChangeKind.UPDATED,
                () -> AdoptionView.of(saved));
        return new Upsert(AdoptionView.of(saved), created);
    }

    @Transactional
    public void delete(String release, String project, String ifMatch) {
        AdoptionRecord a = find(release, project);
        Versions.checkIfMatch(ifMatch, a.version);
        deleteRecord(a);
    }

    /** Removes every record of a project, one event each (called inside the project's delete transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deleteAllOf(String project) {
        AdoptionRecord.ofProject(project).stream()
                .sorted(Comparator.comparing(AdoptionRecord::key))
                .forEach(this::deleteRecord);
    }

    private void deleteRecord(AdoptionRecord a) {
        AdoptionView last = AdoptionView.of(a);
        a.delete();
        outbox.record(ENTITY, last.release() + "/" + last.project(), ChangeKind.DELETED, () -> last);
    }

    private static AdoptionRecord find(String release, String project) {
        ReleaseService.find(release);
        ProjectService.find(project);
        AdoptionRecord a = AdoptionRecord.findOne(release, project);
        if (a == null) {
            throw ProblemException.notFound("record of project '" + project + "' in release", release);
        }
        return a;
    }

    /** The result of a PUT: the record and whether it was created. */
    public record Upsert(AdoptionView view, boolean created) {
    }
}
