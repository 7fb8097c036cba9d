package dev.stackpulse.catalog.release;

/**
 * A feature that refers to releases by name (a project's first release, per-release records). Those features depend
 * on this one, not the reverse: each implements this, and a release they still refer to is not deleted (409).
 */
public interface ReleaseReferences {

    /** How this feature refers to the release, e.g. "first release of 2 project(s)"; null when it does not. */
    String referencesTo(String release);
}
