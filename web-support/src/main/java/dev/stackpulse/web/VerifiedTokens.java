package dev.stackpulse.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens already verified, keyed by the whole token string: only the identical bytes hit. An entry lives
 * until the token's exp claim or max-age, whichever comes first, so an expired token is always verified again.
 */
final class VerifiedTokens {

    /** The full check (signature, issuer, audience, expiry) a miss runs. */
    @FunctionalInterface
    interface Verifier {
        JsonWebToken verify(String token) throws ParseException;
    }

    private final Cache<String, JsonWebToken> verified;

    VerifiedTokens(int maxEntries, Duration maxAge) {
        this.verified = maxEntries <= 0 ? null : Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfter(untilExpiry(maxAge))
                .build();
    }

    JsonWebToken parse(String token, Verifier verifier) throws ParseException {
        if (verified == null) {
            return verifier.verify(token);
        }
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null && Instant.now().getEpochSecond() < known.getExpirationTime()) {
            return known;
        }
        JsonWebToken jwt = verifier.verify(token);
        verified.put(token, jwt);
        return jwt;
    }

    private static Expiry<String, JsonWebToken> untilExpiry(Duration maxAge) {
        return new Expiry<>() {
            @Override
            public long expireAfterCreate(String token, JsonWebToken jwt, long now) {
                long untilExp = jwt.getExpirationTime() - Instant.now().getEpochSecond();
                return Math.max(0, Math.min(Duration.ofSeconds(Math.max(0, untilExp)).toNanos(), maxAge.toNanos()));
            }

            @Override
            public long expireAfterUpdate(String token, JsonWebToken jwt, long now, long current) {
                return expireAfterCreate(token, jwt, now);
            }

            @Override
            public long expireAfterRead(String token, JsonWebToken jwt, long now, long current) {
                return current;
            }
        };
    }
}
