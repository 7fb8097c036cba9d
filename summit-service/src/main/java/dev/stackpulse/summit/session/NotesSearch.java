package dev.stackpulse.summit.session;

/**
 * What the session search asks of the notes: which sessions' current notes contain a text. The notes feature
 * implements it (notes belong to sessions, never the other way), so session search never names notes tables; the
 * notes give a subquery, so the list stays one statement.
 */
public interface NotesSearch {

    /**
     * SQL selecting the ids of the sessions whose current notes contain the lower-case LIKE pattern (escape '\') bound
     * to the named parameter {@code :likeParameter}.
     */
    String sessionsWithNotesLike(String likeParameter);
}
