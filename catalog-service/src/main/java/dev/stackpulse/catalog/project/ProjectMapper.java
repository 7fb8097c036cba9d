package dev.stackpulse.catalog.project;

import java.util.ArrayList;

/** Maps between the entity and the wire input: full updates overwrite every field, defaults for absent ones. */
final class ProjectMapper {

    private ProjectMapper() {
    }

    /** Full update (POST, PUT, and the result of a merge patch). */
    static void apply(Project p, ProjectInput in) {
        p.name = in.name();
        p.serviceName = in.serviceName();
        p.serviceType = in.serviceType();
        p.tier = in.tier();
        p.descriptionEn = in.descriptionEn();
        p.descriptionJa = in.descriptionJa();
        p.firstRelease = in.firstRelease();
        p.governanceTags = in.governanceTags() == null ? new ArrayList<>() : new ArrayList<>(in.governanceTags());
        p.installGuide = in.installGuide() != null && in.installGuide();
        p.sdkCount = in.sdkCount() == null ? 0 : in.sdkCount();
    }

    /** The current state as an input, the document a merge patch applies to. */
    static ProjectInput toInput(Project p) {
        return new ProjectInput(p.slug, p.name, p.serviceName, p.serviceType, p.tier, p.descriptionEn,
                p.descriptionJa, p.firstRelease, p.governanceTags, p.installGuide, p.sdkCount);
    }
}
