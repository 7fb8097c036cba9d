package dev.stackpulse.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

class VerifiedTokenCacheTest {

    /** Stands in for smallrye-jwt's check: counts verifications; a token "name:N" verifies until epoch second N. */
    private final Map<String, Integer> verifications = new HashMap<>();

    private JsonWebToken verify(String token) throws ParseException {
        verifications.merge(token, 1, Integer::sum);
        long exp = expiry(token);
        if (exp <= Instant.now().getEpochSecond()) {
            throw new ParseException("expired");
        }
        JwtClaims claims = new JwtClaims();
        claims.setSubject(token);
        claims.setExpirationTime(NumericDate.fromSeconds(exp));
        return new DefaultJWTCallerPrincipal(claims);
    }

    private static long expiry(String token) {
        return Long.parseLong(token.substring(token.indexOf(':') + 1));
    }

    private static String token(String name, long secondsFromNow) {
        return name + ":" + (Instant.now().getEpochSecond() + secondsFromNow);
    }

    @Test
    void theSameTokenIsVerifiedOnceAndAnotherTokenOnItsOwn() throws ParseException {
        VerifiedTokens tokens = new VerifiedTokens(16, Duration.ofMinutes(5));
        String a = token("a", 3600);
        String b = token("b", 1800);
        JsonWebToken first = tokens.parse(a, this::verify);
        assertSame(first, tokens.parse(a, this::verify));
        tokens.parse(b, this::verify);
        assertEquals(Map.of(a, 1, b, 1), verifications);
    }

    @Test
    void aTokenPastItsExpiryIsVerifiedAgainAndRefused() throws ParseException {
        VerifiedTokens tokens = new VerifiedTokens(16, Duration.ofMinutes(5));
        String soon = token("soon", 1);
        tokens.parse(soon, this::verify);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().getEpochSecond() >= expiry(soon));
        assertThrows(ParseException.class, () -> tokens.parse(soon, this::verify));
        assertEquals(2, verifications.get(soon));
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        VerifiedTokens tokens = new VerifiedTokens(16, Duration.ofMinutes(5));
        String expired = token("old", -10);
        assertThrows(ParseException.class, () -> tokens.parse(expired, this::verify));
        assertThrows(ParseException.class, () -> tokens.parse(expired, this::verify));
        assertEquals(2, verifications.get(expired));
    }

    @Test
    void zeroEntriesVerifiesEveryRequest() throws ParseException {
        VerifiedTokens tokens = new VerifiedTokens(0, Duration.ofMinutes(5));
        String a = token("a", 3600);
        tokens.parse(a, this::verify);
        tokens.parse(a, this::verify);
        assertEquals(2, verifications.get(a));
    }
}
