package dev.stackpulse.feed.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Only failures that may pass on a retry are retried; a refusal of the data never is. */
class FailuresTest {

    @Test
    void connectionLossSerializationFailureAndDeadlockAreTransient() {
        assertTrue(Failures.isTransient(wrapped(new SQLException("connection lost", "08006"))));
        assertTrue(Failures.isTransient(wrapped(new SQLException("could not serialize", "40001"))));
        assertTrue(Failures.isTransient(wrapped(new SQLException("deadlock detected", "40P01"))));
        assertTrue(Failures.isTransient(wrapped(new SQLException("terminating connection", "57P01"))));
        assertTrue(Failures.isTransient(wrapped(new SQLException("acquisition timeout"))));
        assertTrue(Failures.isTransient(new RuntimeException(new ConnectException("refused"))));
    }

    @Test
    void refusalsOfTheDataAreNotTransient() {
        assertFalse(Failures.isTransient(wrapped(new SQLException("value too long", "22001"))));
        assertFalse(Failures.isTransient(wrapped(new SQLException("unsupported Unicode escape", "22P05"))));
        assertFalse(Failures.isTransient(wrapped(new SQLException("not null", "23502"))));
        assertFalse(Failures.isTransient(new IllegalArgumentException("bad parameter")));
    }

    @Test
    void theReasonIsTheDatabasesOwnFirstLine() {
        assertEquals("rejected by the database (22001): value too long for type character varying(200)",
                Failures.reason(wrapped(new SQLException("ERROR: value too long for type character varying(200)\n"
                        + "  Where: ...", "22001"))));
    }

    private static RuntimeException wrapped(SQLException e) {
        return new RuntimeException("could not execute statement", e);
    }
}
