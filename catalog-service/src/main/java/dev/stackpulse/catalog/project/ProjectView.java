package dev.stackpulse.catalog.project;

import dev.stackpulse.web.Language;
import dev.stackpulse.outbox.Versioned;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A project as the API and its events show it. {@code description} is in {@code descriptionLanguage}: the
 * client's Accept-Language when we hold that text, English otherwise (events always carry English there).
 */
public record ProjectView(String slug, String name, String serviceName, String serviceType, String tier,
                          String descriptionEn, String descriptionJa, String description,
                          String descriptionLanguage, String firstRelease, List<String> governanceTags,
                          boolean installGuide, int sdkCount, long version, OffsetDateTime createdAt,
                          OffsetDateTime updatedAt) implements Versioned {

    public static ProjectView of(Project p) {
        return of(p, Language.EN);
    }

    public static ProjectView of(Project p, Language language) {
        Language.Localized d = Language.pick(language, p.descriptionEn, p.descriptionJa);
        return new ProjectView(p.slug, p.name, p.serviceName, p.serviceType, p.tier, p.descriptionEn,
                p.descriptionJa, d.text(), d.language().tag(), p.firstRelease, List.copyOf(p.governanceTags),
                p.installGuide, p.sdkCount, p.version, p.createdAt, p.updatedAt);
    }
}
