package dev.stackpulse.catalog.project;

import dev.stackpulse.events.ChangeKind;
import dev.stackpulse.outbox.OutboxWriter;
import dev.stackpulse.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Rules and transactions for projects: every committed change records its event in the outbox. */
@ApplicationScoped
public class ProjectService {

    static final String ENTITY = "project";

    private final OutboxWriter outbox;

    public ProjectService(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    public ProjectView get(String slug) {
        return ProjectView.of(find(slug));
    }

    @Transactional
    public ProjectView create(ProjectInput input) {
        if (Project.findById(input.slug()) != null) {
            throw ProblemException.conflict("project '" + input.slug() + "' already exists");
        }
        Project p = new Project();
        p.slug = input.slug();
        p.name = input.name();
        p.serviceName = input.serviceName();
        p.serviceType = input.serviceType();
        p.tier = input.tier();
        p.descriptionEn = input.descriptionEn();
        p.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        p.updatedAt = p.createdAt;
        p.persist();
        outbox.record(ENTITY, p.slug, ChangeKind.CREATED, () -> ProjectView.of(p));
        return ProjectView.of(p);
    }

    private static Project find(String slug) {
        Project p = Project.findById(slug);
        if (p == null) {
            throw ProblemException.notFound("project", slug);
        }
        return p;
    }
}
