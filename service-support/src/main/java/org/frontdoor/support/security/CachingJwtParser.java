package org.frontdoor.support.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies a bearer token once, then trusts the same token until it expires. A partner system sends one token with
 * thousands of referrals, and verifying its RSA signature each time was a third of intake's request CPU. A token
 * cannot change (any change breaks its signature) and its validity depends only on the time, so a token verified
 * once is valid until its {@code exp} (or until it is older than the maximum age): an entry is served only before then, checked on every use. Only the default
 * {@link #parse(String)}, which every request goes through, is cached; the rest is smallrye-jwt's own, inherited
 * (the same verification, configured the same way, as the bean this one replaces).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CachingJwtParser extends DefaultJWTParser {

    /** Tokens held at most; when full, expired ones go, and if none has, the cache starts afresh. */
    static final int MAX_ENTRIES = 5_000;

    private record Verified(JsonWebToken token, long expiresAtSeconds) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    /** A token older than this is refused even before it expires, so it is served from the cache only until then. */
    @ConfigProperty(name = "mp.jwt.verify.token.age")
    Optional<Long> maxAgeSeconds;

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        long now = System.currentTimeMillis() / 1000;
        Verified cached = verified.get(token);
        if (cached != null && now < cached.expiresAtSeconds()) {
            return cached.token();
        }
        JsonWebToken jwt = super.parse(token); // throws for a bad signature, issuer or expiry: never cached
        long until = maxAgeSeconds.map(age -> Math.min(jwt.getExpirationTime(), jwt.getIssuedAtTime() + age))
                .orElse(jwt.getExpirationTime());
        if (until > now) {
            if (verified.size() >= MAX_ENTRIES) {
                verified.values().removeIf(v -> v.expiresAtSeconds() <= now);
                if (verified.size() >= MAX_ENTRIES) {
                    verified.clear();
                }
            }
            verified.put(token, new Verified(jwt, until));
        }
        return jwt;
    }

    /** How many verified tokens are held (for tests). */
    int size() {
        return verified.size();
    }
}
