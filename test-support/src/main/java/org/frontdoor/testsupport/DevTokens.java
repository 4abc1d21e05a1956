package org.frontdoor.testsupport;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Issues development JWTs signed RS256 with {@link DevKeys}, shaped like the identity provider's: {@code iss},
 * {@code sub}, {@code upn}, {@code aud} (the APIs), {@code groups} (the roles), {@code org} (a partner's
 * organisation), {@code iat}, {@code exp}, {@code jti}. For local runs and tests only.
 */
public final class DevTokens {

    public static final String ISSUER = "https://idp.frontdoor.local/dev";
    /** The roles the services know, in the order the CLI lists them. */
    public static final List<String> ROLES = List.of("partner", "front-door", "triage-worker", "team-manager", "ops",
            "information-governance");
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(8);
    /**
     * Each API's audience: a service accepts only a token naming it in {@code aud} (its
     * {@code mp.jwt.verify.audiences}). Development tokens name all three, as a local identity provider's would.
     */
    public static final List<String> AUDIENCES = List.of("frontdoor-referrals", "frontdoor-triage",
            "frontdoor-notifications");

    private final DevKeys keys;
    private final String issuer;

    /** Tokens of the tests' issuer, {@link #ISSUER}. */
    public DevTokens(DevKeys keys) {
        this(keys, ISSUER);
    }

    /** Tokens of another issuer: the local run's is its OpenID Connect provider ({@link OidcProvider#issuer()}). */
    public DevTokens(DevKeys keys, String issuer) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
    }

    /** A token for one role, subject {@code dev-<role>}, no organisation, valid for 8 hours. */
    public String token(String role) {
        return builder().role(role).build();
    }

    /** As {@link #token(String)} with an {@code org} claim (partners need one). */
    public String token(String role, String org) {
        return builder().role(role).org(org).build();
    }

    /** A builder for unusual tokens: several roles, expired, forged, foreign issuer, extra claims. */
    public Builder builder() {
        return new Builder(keys.privateKey(), issuer);
    }

    /** Fluent token builder; everything not set gets the defaults of {@link DevTokens#token(String)}. */
    public static final class Builder {

        private final Set<String> roles = new LinkedHashSet<>();
        private final Map<String, Object> extraClaims = new LinkedHashMap<>();
        private PrivateKey signingKey;
        private String org;
        private String subject;
        private String issuer;
        private Instant issuedAt;
        private Instant expiresAt;
        private Duration lifetime = DEFAULT_LIFETIME;
        private List<String> audiences = AUDIENCES;

        private Builder(PrivateKey signingKey, String issuer) {
            this.signingKey = signingKey;
            this.issuer = issuer;
        }

        /** Adds a role to the {@code groups} claim. */
        public Builder role(String role) {
            this.roles.add(role);
            return this;
        }

        /** Adds roles to the {@code groups} claim. */
        public Builder roles(String... roles) {
            this.roles.addAll(List.of(roles));
            return this;
        }

        public Builder org(String org) {
            this.org = org;
            return this;
        }

        /** {@code sub} and {@code upn}; defaults to {@code dev-<first role>}. */
        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder issuedAt(Instant issuedAt) {
            this.issuedAt = issuedAt;
            return this;
        }

        /** An absolute expiry; may be in the past for expired-token tests. */
        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        public Builder lifetime(Duration lifetime) {
            this.lifetime = lifetime;
            return this;
        }

        /** The {@code aud} claim; by default every API's ({@link DevTokens#AUDIENCES}). */
        public Builder audiences(String... audiences) {
            this.audiences = List.of(audiences);
            return this;
        }

        /** Signs with another key, e.g. {@link DevKeys#randomPrivateKey()}, to make a forged token. */
        public Builder signedWith(PrivateKey key) {
            this.signingKey = Objects.requireNonNull(key, "key");
            return this;
        }

        /** Signs with a fresh random key that no service trusts (a forged token). */
        public Builder signedWithAnotherKey() {
            return signedWith(DevKeys.randomPrivateKey());
        }

        /** Any other claim; overrides the defaults of the same name. */
        public Builder claim(String name, Object value) {
            extraClaims.put(name, value);
            return this;
        }

        /** The signed compact JWT. */
        public String build() {
            Instant now = Instant.now();
            Instant exp = expiresAt != null ? expiresAt : now.plus(lifetime);
            // an expired token should still look plausible: issued before it expired
            Instant iat = issuedAt != null ? issuedAt : (exp.isAfter(now) ? now : exp.minus(lifetime));
            String sub = subject != null ? subject : "dev-" + (roles.isEmpty() ? "user" : roles.iterator().next());
            JwtClaimsBuilder claims = Jwt.claims()
                    .issuer(issuer)
                    .subject(sub)
                    .upn(sub)
                    .groups(new LinkedHashSet<>(roles))
                    .issuedAt(iat)
                    .expiresAt(exp)
                    .claim("jti", UUID.randomUUID().toString());
            if (!audiences.isEmpty()) {
                claims.audience(new LinkedHashSet<>(audiences));
            }
            if (org != null) {
                claims.claim("org", org);
            }
            extraClaims.forEach(claims::claim);
            return claims.jws().algorithm(SignatureAlgorithm.RS256).sign(signingKey);
        }
    }
}
