package dev.stackpulse.catalog.navigator;

import dev.stackpulse.catalog.maturity.Maturity;

/**
 * A project with its figures for one release: adoption (null when not surveyed), the computed maturity with its
 * rule breakdown, and its age in years at that release's date.
 */
public record ProjectEntry(String slug, String name, String serviceName, String serviceType, String tier,
                           String description, String descriptionLanguage, String firstRelease, String release,
                           Integer adoption, Maturity maturity, Integer ageYears) {
}
