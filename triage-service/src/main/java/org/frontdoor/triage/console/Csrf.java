package org.frontdoor.triage.console;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The console's protection against cross-site request forgery, on top of the session cookie's SameSite=Strict: a
 * random token in an HttpOnly cookie of the console's path, repeated in a hidden field of every form; a form whose
 * token does not match its cookie changes nothing (403, "This form has expired").
 */
final class Csrf {

    static final String COOKIE = "fd-csrf";
    static final String FIELD = "csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Csrf() {
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean valid(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{43}");
    }

    static NewCookie cookie(String token) {
        return new NewCookie.Builder(COOKIE).value(token).path("/console").httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }

    /** Whether the form's token matches the cookie's, compared in constant time. */
    static boolean matches(String cookie, MultivaluedMap<String, String> form) {
        String posted = form.getFirst(FIELD);
        return valid(cookie) && posted != null && MessageDigest.isEqual(cookie.getBytes(), posted.getBytes());
    }
}
