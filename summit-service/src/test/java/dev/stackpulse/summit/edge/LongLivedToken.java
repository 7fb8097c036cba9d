package dev.stackpulse.summit.edge;

import dev.stackpulse.testing.SharedInfra;
import dev.stackpulse.testing.TestTokens;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyPair;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Set;

/** A correctly signed editor token issued now and valid until 2100 (TestTokens only makes one-hour ones). */
final class LongLivedToken {

    private LongLivedToken() {
    }

    static String editorUntil2100() {
        try {
            var field = TestTokens.class.getDeclaredField("keys");
            field.setAccessible(true);
            KeyPair keys = (KeyPair) field.get(SharedInfra.tokens());
            return "Bearer " + Jwt.issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).subject("forever")
                    .upn("forever").groups(Set.of("editor")).issuedAt(Instant.now())
                    .expiresAt(ZonedDateTime.of(2100, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant())
                    .jws().algorithm(SignatureAlgorithm.RS256).sign(keys.getPrivate());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
