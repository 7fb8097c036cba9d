package dev.stackpulse.catalog.project;

import dev.stackpulse.catalog.release.ReleaseReferences;
import dev.stackpulse.web.ProblemException;
import dev.stackpulse.web.QueryParams;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The read side of projects that other features inject: immutable views (English description), never the entity. */
@ApplicationScoped
public class Projects implements ReleaseReferences {

    public Optional<ProjectView> find(String slug) {
        return slug == null ? Optional.empty() : Project.<Project>findByIdOptional(slug).map(ProjectView::of);
    }

    /** The project with this slug, or 404. */
    public ProjectView require(String slug) {
        return find(slug).orElseThrow(() -> ProblemException.notFound("project", slug));
    }

    public List<ProjectView> all() {
        return Project.<Project>listAll().stream().map(ProjectView::of).toList();
    }

    /**
     * Projects of a tier (null: any), a service type (exact or prefix; null: any) and with {@code q} in the name,
     * service name or either description (case-insensitive; null: any).
     */
    public List<ProjectView> matching(String tier, QueryParams.TextMatch serviceType, String q) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (tier != null) {
            where.append(" and tier = :tier");
            params.and("tier", tier);
        }
        if (serviceType != null) {
            where.append(" and serviceType like :serviceType escape '\\'");
            params.and("serviceType", serviceType.likePattern());
        }
        if (q != null) {
            where.append(" and (lower(name) like :q escape '\\' or lower(serviceName) like :q escape '\\'"
                    + " or lower(descriptionEn) like :q escape '\\' or lower(descriptionJa) like :q escape '\\')");
            params.and("q", "%" + new QueryParams.TextMatch(q.toLowerCase(Locale.ROOT), true).likePattern());
        }
        return Project.<Project>list(where.toString(), params).stream().map(ProjectView::of).toList();
    }

    @Override
    public String referencesTo(String release) {
        long count = Project.count("firstRelease", release);
        return count == 0 ? null : "first release of " + count + " project(s)";
    }
}
