package dev.stackpulse.summit.notes;

import dev.stackpulse.outbox.Versioned;
import java.time.OffsetDateTime;

/**
 * Data of a {@code summit.notes.*} event: the new revision's number, author, time and size, not the body (up to
 * 1 MiB, above Kafka's default record size) and not the history; read it at {@code href}.
 */
public record NotesEvent(long sessionId, int revision, String author, OffsetDateTime editedAt, int bytes,
                         String href) implements Versioned {

    @Override
    public long version() {
        return revision;
    }
}
