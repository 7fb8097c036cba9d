package dev.stackpulse.summit.summit;

/**
 * What the summit feature asks about the design-summit sessions held at a summit. The session feature implements it
 * (sessions refer to summits, never the other way), so the two packages depend one way only.
 */
public interface SummitSessions {

    /** How many sessions refer to the summit. */
    long countAt(String summitSlug);
}
