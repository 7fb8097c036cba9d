package dev.stackpulse.summit.notes;

import dev.stackpulse.summit.session.NotesSearch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;

/** Text search in the current notes (the latest revision of each session), for the session list's {@code q}. */
@ApplicationScoped
public class CurrentNotesSearch implements NotesSearch {

    private final EntityManager em;

    public CurrentNotesSearch(EntityManager em) {
        this.em = em;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Long> sessionsWithNotesLike(String likePattern) {
        List<Number> ids = em.createNativeQuery("SELECT r.session_id FROM notes_revision r"
                        + " WHERE r.number = (SELECT max(m.number) FROM notes_revision m WHERE m.session_id = r.session_id)"
                        + " AND lower(r.body) LIKE :q ESCAPE '\\'")
                .setParameter("q", likePattern).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }
}
