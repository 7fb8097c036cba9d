package dev.stackpulse.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cluster made when every login was trusted (older checkouts' .stackpulse/) requires passwords once restarted. */
class PostgresPasswordUpgradeTest {

    @TempDir
    Path data;

    @Test
    void trustClusterFromBeforeGetsPasswords() throws Exception {
        Path superuserPassword = data.resolve("postgres-superuser.password");
        Postgres pg = new Postgres(data.resolve("postgres"), 0, List.of("catalog"), false, "secret",
                superuserPassword);
        pg.start();
        pg.stop();
        // what an older version left: trust for everyone, no superuser password on file
        Files.writeString(data.resolve("postgres/pg_hba.conf"), "host all all 127.0.0.1/32 trust\n");
        Files.delete(superuserPassword);

        pg.start();
        try {
            String url = "jdbc:postgresql://127.0.0.1:" + pg.port() + "/catalog";
            DriverManager.getConnection(url, "stackpulse", "secret").close();
            SQLException refused = assertThrows(SQLException.class,
                    () -> DriverManager.getConnection(url, "stackpulse", "wrong").close());
            assertEquals("28P01", refused.getSQLState());
            assertEquals("rw-------", RunModeTest.mode(superuserPassword));
        } finally {
            pg.stop();
        }
        pg.start(); // and it starts again with the passwords it set
        pg.stop();
    }
}
