package dev.stackpulse.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The infrastructure as {@code ./stackpulse} starts it (not ephemeral): durable, password-only, owner-only files. */
class RunModeTest {

    @TempDir
    static Path data;

    private static LocalInfra infra;
    private static Path passwordFile;

    @BeforeAll
    static void start() throws Exception {
        passwordFile = data.resolve("keys/db-password");
        // The options the run script passes, with free ports instead of the fixed ones.
        infra = new LocalInfra(InfraOptions.parse(new String[] {"--data-dir", data.resolve("infra").toString(),
                "--databases", "catalog,summit,feed", "--topics", "catalog.events:1",
                "--app-password-file", passwordFile.toString()}));
        infra.start();
    }

    @AfterAll
    static void stop() {
        if (infra != null) {
            infra.shutdown();
        }
    }

    @Test
    void fsyncAndSynchronousCommitAreOn() throws Exception {
        try (Connection c = connect("catalog", "stackpulse", Files.readString(passwordFile).strip())) {
            assertEquals("on", show(c, "fsync"));
            assertEquals("on", show(c, "synchronous_commit"));
            assertEquals("on", show(c, "full_page_writes"));
            assertEquals("127.0.0.1", show(c, "listen_addresses"));
        }
    }

    @Test
    void wrongPasswordsAreRefused() {
        for (String role : new String[] {"stackpulse", "postgres"}) {
            SQLException refused = assertThrows(SQLException.class, () -> connect("catalog", role, "wrong").close(),
                    role);
            assertEquals("28P01", refused.getSQLState(), role + ": " + refused.getMessage()); // invalid_password
        }
        assertThrows(SQLException.class, () -> DriverManager.getConnection(url("catalog"), "postgres", null).close());
    }

    @Test
    void passwordsAndDataAreReadableByTheirOwnerOnly() throws Exception {
        assertEquals("rw-------", mode(passwordFile));
        assertEquals("rw-------", mode(data.resolve("infra/postgres-superuser.password")));
        assertEquals("rwx------", mode(data.resolve("infra")));
        assertEquals("rwx------", mode(data.resolve("infra/postgres")));
    }

    static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static Connection connect(String db, String user, String password) throws SQLException {
        return DriverManager.getConnection(url(db), user, password);
    }

    private static String url(String db) {
        return "jdbc:postgresql://127.0.0.1:" + infra.postgresPort() + "/" + db;
    }

    private static String show(Connection c, String setting) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
