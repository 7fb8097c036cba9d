package dev.stackpulse.summit.session;

import java.util.List;

/**
 * What the session search asks of the notes: which sessions' current notes contain a text. The notes feature
 * implements it (notes belong to sessions, never the other way), so session search never reads notes tables.
 */
public interface NotesSearch {

    /** Ids of the sessions whose current notes contain {@code likePattern} (a lower-case LIKE pattern, escape '\'). */
    List<Long> sessionsWithNotesLike(String likePattern);
}
