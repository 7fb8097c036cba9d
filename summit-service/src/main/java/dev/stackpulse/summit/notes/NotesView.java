package dev.stackpulse.summit.notes;

import java.time.OffsetDateTime;

/** Notes of a session at one revision (revision 0: no notes yet, empty body). */
public record NotesView(long sessionId, int revision, String author, OffsetDateTime editedAt, String body) {

    static NotesView of(NotesRevision r) {
        return new NotesView(r.sessionId, r.number, r.author, r.createdAt, r.body);
    }
}
