package dev.stackpulse.testing;

import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/** Signs test tokens with a key pair made for this test JVM: no private key is ever stored in the repository. */
public final class TestTokens {

    public static final String ISSUER = "https://stackpulse.test/issuer";
    public static final String AUDIENCE = "stackpulse-api";

    private final KeyPair keys;
    private final Path publicKeyFile;

    TestTokens() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.keys = generator.generateKeyPair();
            this.publicKeyFile = Files.createTempFile("stackpulse-test-jwt", ".pem");
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            Files.writeString(publicKeyFile, pem);
            publicKeyFile.toFile().deleteOnExit();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path publicKeyFile() {
        return publicKeyFile;
    }

    /** "Bearer ..." for a subject with the given roles, valid for an hour. */
    public String bearer(String subject, String... roles) {
        return "Bearer " + sign(subject, Set.of(roles), ISSUER, AUDIENCE, Instant.now().plus(Duration.ofHours(1)));
    }

    public String editor() {
        return bearer("test-editor", "editor");
    }

    public String admin() {
        return bearer("test-admin", "admin", "editor");
    }

    /** "Bearer ..." issued now and valid until {@code expiry}: tokens that outlive the accepted lifetime. */
    public String bearerUntil(Instant expiry, String subject, String... roles) {
        return "Bearer " + Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).upn(subject).groups(Set.of(roles))
                .issuedAt(Instant.now()).expiresAt(expiry)
                .jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256).sign(keys.getPrivate());
    }

    public String expired(String... roles) {
        return "Bearer " + sign("test-expired", Set.of(roles), ISSUER, AUDIENCE, Instant.now().minusSeconds(3600));
    }

    public String wrongIssuer(String... roles) {
        return "Bearer " + sign("test-other", Set.of(roles), "https://evil.example/issuer", AUDIENCE,
                Instant.now().plusSeconds(3600));
    }

    public String wrongAudience(String... roles) {
        return "Bearer " + sign("test-other", Set.of(roles), ISSUER, "another-api", Instant.now().plusSeconds(3600));
    }

    private String sign(String subject, Set<String> roles, String issuer, String audience, Instant expiry) {
        return Jwt.issuer(issuer)
                .audience(audience)
                .subject(subject)
                .upn(subject)
                .groups(roles)
                .issuedAt(expiry.minus(Duration.ofHours(2)))
                .expiresAt(expiry)
                .jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256)
                .sign(keys.getPrivate());
    }
}
