package dev.stackpulse.outbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import org.jboss.logging.Logger;

/**
 * "This replica's relay is the one of the database": a session-level advisory lock on a connection of its own,
 * outside the pool and never in a transaction. PostgreSQL drops the lock when that session ends (process killed,
 * database restarted), so another replica takes over at once.
 */
final class RelayLock implements AutoCloseable {

    static final String APPLICATION_NAME = "outbox-relay-lock";
    private static final Logger LOG = Logger.getLogger(RelayLock.class);
    private static final long KEY = 0x5354_4b50_4f42L; // "STKPOB"

    private final String url;
    private final Optional<String> user;
    private final Optional<String> password;
    private Connection connection;
    private boolean held;

    RelayLock(String url, Optional<String> user, Optional<String> password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Whether this relay holds the lock now: checks its session is alive, else (re)connects and tries to take it. */
    synchronized boolean hold() {
        try {
            if (connection != null && !connection.isValid(2)) {
                LOG.info("outbox relay: lock session lost; reconnecting");
                close();
            }
            if (connection == null) {
                connection = DriverManager.getConnection(url, properties());
            }
            if (!held) {
                try (Statement s = connection.createStatement();
                     ResultSet rs = s.executeQuery("SELECT pg_try_advisory_lock(" + KEY + ")")) {
                    held = rs.next() && rs.getBoolean(1);
                }
            }
            return held;
        } catch (SQLException e) {
            LOG.debugf("outbox relay: lock unavailable: %s", e.getMessage());
            close();
            return false;
        }
    }

    @Override
    public synchronized void close() {
        held = false;
        if (connection != null) {
            try {
                connection.close(); // ends the session, which releases the lock
            } catch (SQLException ignored) {
                // the session is gone either way
            }
            connection = null;
        }
    }

    private Properties properties() {
        Properties p = new Properties();
        user.ifPresent(u -> p.setProperty("user", u));
        password.ifPresent(pw -> p.setProperty("password", pw));
        p.setProperty("ApplicationName", APPLICATION_NAME);
        p.setProperty("connectTimeout", "5");
        p.setProperty("socketTimeout", "10");
        p.setProperty("tcpKeepAlive", "true");
        return p;
    }
}
