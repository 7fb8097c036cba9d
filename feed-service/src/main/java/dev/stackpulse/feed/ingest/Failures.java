package dev.stackpulse.feed.ingest;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/** Tells a transient database failure (retry the batch) from a refusal of the data (dead-letter the record). */
final class Failures {

    /** SQLState classes and codes that say "try again", not "this data is wrong". */
    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "55P03", "57P01", "57P02", "57P03",
            "53300", "53400");

    private Failures() {
    }

    /**
     * True for connection loss (SQLState class 08, I/O errors, the pool's acquisition timeout), serialization failure
     * (40001), deadlock (40P01), a server shutting down or starting (57P0x) and too many connections (53300). A
     * refusal of the data (class 22, 23, 42, ...) is not transient: retrying it would stall the partition.
     */
    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException || t instanceof IOException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // No SQLState: the pool or driver failed before the server judged the data (e.g. acquisition timeout).
                return state == null || state.startsWith("08") || TRANSIENT_STATES.contains(state);
            }
        }
        return false;
    }

    /** The database's own words for a refusal, e.g. {@code rejected by the database (22001): value too long ...}. */
    static String reason(Throwable failure) {
        SQLException deepest = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                deepest = sql;
            }
        }
        if (deepest != null) {
            String message = String.valueOf(deepest.getMessage()).replaceFirst("^ERROR: ", "");
            int newline = message.indexOf('\n');
            return "rejected by the database (" + deepest.getSQLState() + "): "
                    + (newline < 0 ? message : message.substring(0, newline));
        }
        return "could not be stored: " + failure;
    }
}
