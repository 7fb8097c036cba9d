package dev.stackpulse.catalog.adoption;

import dev.stackpulse.catalog.release.ReleaseReferences;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** The read side of per-release records that other features inject: immutable views, never the entity. */
@ApplicationScoped
public class Adoptions implements ReleaseReferences {

    public List<AdoptionView> ofRelease(String release) {
        return AdoptionRecord.<AdoptionRecord>list("releaseName = ?1 order by projectSlug", release).stream()
                .map(AdoptionView::of).toList();
    }

    public List<AdoptionView> ofProject(String project) {
        return AdoptionRecord.<AdoptionRecord>list("projectSlug = ?1 order by releaseName", project).stream()
                .map(AdoptionView::of).toList();
    }

    /** Every record (the navigator's read model loads them at once). */
    public List<AdoptionView> all() {
        return AdoptionRecord.<AdoptionRecord>listAll().stream().map(AdoptionView::of).toList();
    }

    Optional<AdoptionRecord> record(String release, String project) {
        return AdoptionRecord.find("releaseName = ?1 and projectSlug = ?2", release, project).firstResultOptional();
    }

    @Override
    public String referencesTo(String release) {
        long count = AdoptionRecord.count("releaseName", release);
        return count == 0 ? null : count + " per-project record(s)";
    }
}
