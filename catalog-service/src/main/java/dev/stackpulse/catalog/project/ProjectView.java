package dev.stackpulse.catalog.project;

import dev.stackpulse.outbox.Versioned;
import java.time.OffsetDateTime;

/** A project as the API and its events show it. */
public record ProjectView(String slug, String name, String serviceName, String serviceType, String tier,
                          String descriptionEn, long version, OffsetDateTime createdAt, OffsetDateTime updatedAt)
        implements Versioned {

    static ProjectView of(Project p) {
        return new ProjectView(p.slug, p.name, p.serviceName, p.serviceType, p.tier, p.descriptionEn, p.version,
                p.createdAt, p.updatedAt);
    }
}
