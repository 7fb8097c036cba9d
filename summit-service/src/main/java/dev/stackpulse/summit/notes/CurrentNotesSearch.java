package dev.stackpulse.summit.notes;

import dev.stackpulse.summit.session.NotesSearch;
import jakarta.enterprise.context.ApplicationScoped;

/** Text search in the current notes (the latest revision of each session), for the session list's {@code q}. */
@ApplicationScoped
public class CurrentNotesSearch implements NotesSearch {

    @Override
    public String sessionsWithNotesLike(String likeParameter) {
        return "SELECT r.session_id FROM notes_revision r"
                + " WHERE r.number = (SELECT max(m.number) FROM notes_revision m WHERE m.session_id = r.session_id)"
                + " AND lower(r.body) LIKE :" + likeParameter + " ESCAPE '\\'";
    }
}
