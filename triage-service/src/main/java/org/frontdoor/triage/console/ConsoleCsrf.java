package org.frontdoor.triage.console;

import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The console's token against cross-site request forgery, bound to the signed-in session: an HMAC of the session's
 * ID token, keyed from the console's client secret. Every replica derives the same token for a session (no state,
 * no sticky sessions), a token from another session or an earlier one does not match, and nobody without the
 * client secret can make one even if an ID token leaks (it travels in the sign-out URL). There is no CSRF cookie:
 * nothing to plant from a neighbouring host. {@link ConsoleCsrfFilter} checks it, once, for every console form.
 */
@ApplicationScoped
public class ConsoleCsrf {

    /** The hidden field every console form carries. */
    static final String FIELD = "csrf";
    private static final String ALGORITHM = "HmacSHA256";

    @Inject
    SecurityIdentity identity;

    @ConfigProperty(name = "quarkus.oidc.console.credentials.secret")
    Optional<String> clientSecret;

    private SecretKeySpec key;

    @PostConstruct
    void init() {
        // a key of its own for this purpose, derived from the secret rather than the secret itself
        String secret = clientSecret.filter(s -> !s.isBlank()).orElseThrow(() -> new IllegalStateException(
                "quarkus.oidc.console.credentials.secret is not set (ConsoleSignInSettings stops the start first)"));
        key = new SecretKeySpec(hmac(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM),
                "frontdoor console CSRF v1"), ALGORITHM);
    }

    /** The token for the signed-in session, or null when the request has no console session. */
    public String token() {
        IdTokenCredential session = identity.isAnonymous() ? null : identity.getCredential(IdTokenCredential.class);
        if (session == null || session.getToken() == null) {
            return null;
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key, session.getToken()));
    }

    /** Whether a posted token is this session's, compared in constant time. */
    public boolean matches(String posted) {
        String expected = token();
        return expected != null && posted != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), posted.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] hmac(SecretKeySpec key, String message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
