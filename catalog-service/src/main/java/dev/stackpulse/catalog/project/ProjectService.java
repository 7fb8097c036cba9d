package dev.stackpulse.catalog.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackpulse.catalog.release.Releases;
import dev.stackpulse.events.ChangeKind;
import dev.stackpulse.outbox.OutboxWriter;
import dev.stackpulse.web.MergePatch;
import dev.stackpulse.web.Precondition;
import dev.stackpulse.web.ProblemException;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/** Rules and transactions for projects: every committed change records its event in the outbox. */
@ApplicationScoped
public class ProjectService {

    static final String ENTITY = "project";

    private final OutboxWriter outbox;
    private final Releases releases;
    private final MergePatch mergePatch;
    private final List<ProjectDependents> dependents;
    private final ObjectMapper json;

    /**
     * A full update in one statement, without reading the row first: it takes the row lock, bumps the version and
     * answers the replaced version (for If-Match) and the creation time. It touches no row when the release is
     * unknown (the foreign key would fail the statement), so that case is told apart afterwards, on the error path.
     */
    private static final String REPLACE = "UPDATE project SET name = ?, service_name = ?, service_type = ?, tier = ?, "
            + "description_en = ?, description_ja = ?, first_release = ?, governance_tags = CAST(? AS jsonb), "
            + "install_guide = ?, sdk_count = ?, version = version + 1, updated_at = ? WHERE slug = ?";
    private static final String KNOWN_RELEASE =
            " AND EXISTS (SELECT 1 FROM release_series WHERE name = ?)";
    private static final String RETURNING = " RETURNING version - 1, created_at";

    public ProjectService(OutboxWriter outbox, Releases releases, MergePatch mergePatch,
                          @All List<ProjectDependents> dependents, ObjectMapper json) {
        this.outbox = outbox;
        this.releases = releases;
        this.mergePatch = mergePatch;
        this.dependents = dependents;
        this.json = json;
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

    /**
     * Full update: every field of the input replaces the stored one (absent optional fields reset). One UPDATE, the
     * outbox INSERT and the commit; a refused precondition or body rolls the update back.
     */
    @Transactional
    public Project replace(String slug, ProjectInput input, Precondition precondition) {
        Project p = new Project();
        p.slug = slug;
        ProjectMapper.apply(p, input);
        p.touch();
        // Plain JDBC on the transaction's connection: the hot write path skips native-query parsing and mapping.
        Optional<Object[]> replaced = Project.getEntityManager().unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    REPLACE + (p.firstRelease == null ? "" : KNOWN_RELEASE) + RETURNING)) {
                bind(update, p, slug);
                try (ResultSet rs = update.executeQuery()) {
                    return rs.next() ? Optional.of(new Object[] {rs.getLong(1), rs.getObject(2, OffsetDateTime.class)})
                            : Optional.<Object[]>empty();
                }
            }
        });
        if (replaced.isEmpty()) {
            // nothing changed: tell which rule refused it, in the order of the other writes (404, 412, 400)
            Project current = find(slug);
            precondition.check(current.version);
            checkSlug(current, input);
            update(current, input); // the release appeared meanwhile: the entity path, which checks it again
            return current;
        }
        Object[] row = replaced.get();
        long previous = ((Number) row[0]).longValue();
        precondition.check(previous);
        checkSlug(p, input);
        p.version = previous + 1;
        p.createdAt = utc(row[1]);
        outbox.record(ENTITY, p.slug, ChangeKind.UPDATED, () -> ProjectView.of(p));
        return p;
    }

    private void bind(PreparedStatement update, Project p, String slug) throws SQLException {
        update.setString(1, p.name);
        update.setString(2, p.serviceName);
        update.setString(3, p.serviceType);
        update.setString(4, p.tier);
        update.setString(5, p.descriptionEn);
        update.setString(6, p.descriptionJa);
        update.setString(7, p.firstRelease);
        update.setString(8, tagsJson(p.governanceTags));
        update.setBoolean(9, p.installGuide);
        update.setInt(10, p.sdkCount);
        update.setObject(11, p.updatedAt);
        update.setString(12, slug);
        if (p.firstRelease != null) {
            update.setString(13, p.firstRelease);
        }
    }

    private String tagsJson(List<String> tags) {
        try {
            return json.writeValueAsString(tags);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings is always JSON", e);
        }
    }

    private static OffsetDateTime utc(Object time) {
        return time instanceof OffsetDateTime odt ? odt.withOffsetSameInstant(ZoneOffset.UTC)
                : time instanceof Timestamp ts ? ts.toInstant().atOffset(ZoneOffset.UTC)
                : ((java.time.Instant) time).atOffset(ZoneOffset.UTC);
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
        checkSlug(p, input);
        checkFirstRelease(input.firstRelease());
        ProjectMapper.apply(p, input);
        p.touch();
        outbox.record(ENTITY, p.slug, ChangeKind.UPDATED, () -> ProjectView.of(p));
    }

    private static void checkSlug(Project p, ProjectInput input) {
        if (!p.slug.equals(input.slug())) {
            throw ProblemException.invalidBody("slug", "must equal the slug in the path ('" + p.slug + "')");
        }
    }

    private void checkFirstRelease(String release) {
        if (release != null && !releases.exists(release)) {
            throw ProblemException.invalidBody("firstRelease", "unknown release '" + release + "'");
        }
    }
}
