package dev.stackpulse.catalog.project;

/**
 * A feature that keeps records of a project (its per-release adoption). It depends on this one, not the reverse: it
 * implements this, and a project's delete removes its records first, in the same transaction.
 */
public interface ProjectDependents {

    /** Removes every record of the project, one event each; called inside the project's delete transaction. */
    void deleteAllOf(String project);
}
