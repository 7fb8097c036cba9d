package dev.stackpulse.summit.summit;

/**
 * What the summit feature asks about the events held alongside a summit. The co-located events feature implements
 * it (co-located events refer to summits, never the other way), so the two packages depend one way only.
 */
public interface SummitColocatedEvents {

    /** How many co-located events refer to the summit. */
    long countAt(String summitSlug);
}
