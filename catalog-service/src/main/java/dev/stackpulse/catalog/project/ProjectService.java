package dev.stackpulse.catalog.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackpulse.catalog.adoption.AdoptionService;
import dev.stackpulse.catalog.release.ReleaseSeries;
import dev.stackpulse.catalog.support.MergePatch;
import dev.stackpulse.events.ChangeKind;
import dev.stackpulse.outbox.OutboxWriter;
import dev.stackpulse.web.ProblemException;
import dev.stackpulse.web.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;

/** Rules and transactions for projects: every committed change records its event in the outbox. */
@ApplicationScoped
public class ProjectService {

    static final String ENTITY = "project";

    private final OutboxWriter outbox;
    private final AdoptionService adoption;
    private final ObjectMapper mapper;
    private final Validator validator;

    public ProjectService(OutboxWriter outbox, AdoptionService adoption, ObjectMapper mapper, Validator validator) {
        this.outbox = outbox;
        this.adoption = adoption;
        this.mapper = mapper;
        this.validator = validator;
    }

    public Project get(String slug) {
        return find(slug);
    }

    @Transactional
    public ProjectView create(ProjectInput input) {
        if (Project.findById(input.slug()) != null) {
            throw ProblemException.conflict("project '" + input.slug() + "' already exists");
        }
        checkFirstRelease(input.firstRelease());
        Project p = new Project();
        p.slug = input.slug();
        ProjectMapper.apply(p, input);
        p.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        p.updatedAt = p.createdAt;
        p.persist();
        outbox.record(ENTITY, p.slug, ChangeKind.CREATED, () -> ProjectView.of(p));
        return ProjectView.of(p);
    }

    /** Full update: every field of the input replaces the stored one (absent optional fields reset). */
    @Transactional
    public Project replace(String slug, ProjectInput input, String ifMatch) {
        Project p = find(slug);
        Versions.checkIfMatch(ifMatch, p.version);
        update(p, input);
        return p;
    }

    /** Partial update: a JSON merge patch (RFC 7386) applied to the current state, then validated whole. */
    @Transactional
    public Project patch(String slug, String patchBody, String ifMatch) throws JsonProcessingException {
        Project p = find(slug);
        Versions.checkIfMatch(ifMatch, p.version);
        JsonNode patch = mapper.readTree(patchBody == null ? "" : patchBody);
        if (patch == null || patch.isMissingNode() || !patch.isObject()) {
            throw ProblemException.badRequest("body", "a merge patch must be a JSON object");
        }
        JsonNode merged = MergePatch.apply(mapper.valueToTree(ProjectMapper.toInput(p)), patch);
        ProjectInput input = mapper.treeToValue(merged, ProjectInput.class);
        Set<ConstraintViolation<ProjectInput>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        update(p, input);
        return p;
    }

    /** Deletes the project and its per-release records: one event per removed record, then the project's. */
    @Transactional
    public void delete(String slug, String ifMatch) {
        Project p = find(slug);
        Versions.checkIfMatch(ifMatch, p.version);
        adoption.deleteAllOf(slug);
        ProjectView last = ProjectView.of(p);
        p.delete();
        outbox.record(ENTITY, slug, ChangeKind.DELETED, () -> last);
    }

    /** The project with this slug, or 404. */
    public static Project find(String slug) {
        Project p = slug == null ? null : Project.findById(slug);
        if (p == null) {
            throw ProblemException.notFound("project", slug);
        }
        return p;
    }

    private void update(Project p, ProjectInput input) {
        if (!p.slug.equals(input.slug())) {
            throw ProblemException.badRequest("slug", "must equal the slug in the path ('" + p.slug + "')");
        }
        checkFirstRelease(input.firstRelease());
        ProjectMapper.apply(p, input);
        p.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        outbox.record(ENTITY, p.slug, ChangeKind.UPDATED, () -> ProjectView.of(p));
    }

    private static void checkFirstRelease(String release) {
        if (release != null && ReleaseSeries.findById(release) == null) {
            throw ProblemException.badRequest("firstRelease", "unknown release '" + release + "'");
        }
    }
}
