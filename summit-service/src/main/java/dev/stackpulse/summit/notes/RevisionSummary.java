package dev.stackpulse.summit.notes;

import java.time.OffsetDateTime;

/** An entry of the revision history (without the body). */
public record RevisionSummary(int revision, String author, OffsetDateTime editedAt, int bytes) {
}
