package dev.stackpulse.catalog.adoption;

import dev.stackpulse.outbox.Versioned;
import java.time.OffsetDateTime;
import java.util.List;

/** A per-project-and-release record as the API and its events show it. */
public record AdoptionView(String release, String project, Integer adoption, List<String> highlights, long version,
                           OffsetDateTime createdAt, OffsetDateTime updatedAt) implements Versioned {

    public static AdoptionView of(AdoptionRecord a) {
        return new AdoptionView(a.releaseName, a.projectSlug, a.adoption, List.copyOf(a.highlights), a.version,
                a.createdAt, a.updatedAt);
    }
}
