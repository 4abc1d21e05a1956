package org.frontdoor.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class DevTokensTest {

    private final DevKeys keys = DevKeys.forTests();
    private final DevTokens tokens = new DevTokens(keys);

    @Test
    void keysArePemFilesAndAreReused() throws Exception {
        Path dir = keys.publicKeyPem().getParent();
        assertTrue(Files.readString(keys.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----\n"));
        assertTrue(Files.readString(dir.resolve(DevKeys.PRIVATE_KEY_FILE)).startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertEquals(keys.publicKey(), DevKeys.loadOrCreate(dir).publicKey());
        assertEquals("RSA", keys.privateKey().getAlgorithm());
    }

    @Test
    void aPartnerTokenVerifiesWithTheDevPublicKey() throws Exception {
        JsonWebToken jwt = parse(tokens.token("partner", "school-42"), keys.publicKey());
        assertEquals(DevTokens.ISSUER, jwt.getIssuer());
        assertEquals(Set.of("partner"), jwt.getGroups());
        assertEquals("school-42", jwt.getClaim("org").toString());
        assertEquals("dev-partner", jwt.getSubject());
        assertEquals("dev-partner", jwt.getName());
        assertTrue(jwt.getTokenID() != null && !jwt.getTokenID().isBlank());
        long lifetime = jwt.getExpirationTime() - jwt.getIssuedAtTime();
        assertEquals(Duration.ofHours(8).toSeconds(), lifetime);
    }

    @Test
    void aStaffTokenHasNoOrg() throws Exception {
        JsonWebToken jwt = parse(tokens.token("triage-worker"), keys.publicKey());
        assertEquals(Set.of("triage-worker"), jwt.getGroups());
        assertNull(jwt.getClaim("org"));
        assertNotEquals(tokens.token("ops"), tokens.token("ops"), "every token has its own jti");
    }

    @Test
    void theBuilderMakesSeveralRolesAndCustomSubjects() throws Exception {
        String token = tokens.builder().roles("team-manager", "triage-worker").subject("alex").build();
        JsonWebToken jwt = parse(token, keys.publicKey());
        assertEquals(Set.of("team-manager", "triage-worker"), jwt.getGroups());
        assertEquals("alex", jwt.getSubject());
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRejected() {
        String forged = tokens.builder().role("ops").signedWithAnotherKey().build();
        assertThrows(ParseException.class, () -> parse(forged, keys.publicKey()));
    }

    @Test
    void anExpiredTokenIsRejected() {
        String expired = tokens.builder().role("ops").expiresAt(Instant.now().minus(Duration.ofHours(1))).build();
        assertThrows(ParseException.class, () -> parse(expired, keys.publicKey()));
    }

    @Test
    void aTokenFromAnotherIssuerIsRejected() {
        String foreign = tokens.builder().role("ops").issuer("https://evil.example/").build();
        assertThrows(ParseException.class, () -> parse(foreign, keys.publicKey()));
    }

    @Test
    void theJwtTestResourcePointsAtTheTestKey() {
        var config = new DevJwtTestResource().start();
        assertEquals(keys.publicKeyPem().toString(), config.get("mp.jwt.verify.publickey.location"));
        assertTrue(Path.of(config.get("mp.jwt.verify.publickey.location")).isAbsolute());
        assertEquals(DevTokens.ISSUER, config.get("mp.jwt.verify.issuer"));
        assertFalse(DevJwtTestResource.tokens().token("ops").isBlank());
    }

    static JsonWebToken parse(String token, PublicKey key) throws ParseException {
        JWTAuthContextInfo info = new JWTAuthContextInfo(key, DevTokens.ISSUER);
        return new DefaultJWTParser(info).parse(token);
    }
}
