package dev.stackpulse.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local signing key is readable by its owner only, including one made by an older version. */
class JwtKeysTest {

    @TempDir
    Path data;

    @Test
    void privateKeyIsOwnerOnly() throws Exception {
        Path keys = data.resolve("keys");
        JwtKeys.generate(keys);
        assertEquals("rw-------", RunModeTest.mode(keys.resolve(JwtKeys.PRIVATE)));
        assertEquals("rwx------", RunModeTest.mode(keys));
        JwtKeys.token(keys, "editor", "alice", 1, "https://stackpulse.dev/issuer", "stackpulse-api");
    }

    @Test
    void worldReadableKeyFromBeforeIsNarrowed() throws Exception {
        Path keys = data.resolve("old");
        JwtKeys.generate(keys);
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(keys.resolve(JwtKeys.PRIVATE), PosixFilePermissions.fromString("rw-r--r--"));
        JwtKeys.generate(keys);
        assertEquals("rw-------", RunModeTest.mode(keys.resolve(JwtKeys.PRIVATE)));
        assertEquals("rwx------", RunModeTest.mode(keys));
    }
}
