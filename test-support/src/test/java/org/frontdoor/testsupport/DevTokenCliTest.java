package org.frontdoor.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class DevTokenCliTest {

    private final Path keysDir = Path.of("target", "cli-keys").toAbsolutePath();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return DevTokenCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void printsOnlyAVerifiableToken() throws Exception {
        assertEquals(0, run("--keys", keysDir.toString(), "partner", "--org", "police-west", "--hours", "2"));
        String stdout = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, stdout.lines().count(), stdout);
        JsonWebToken jwt = DevTokensTest.parse(stdout.trim(), DevKeys.loadOrCreate(keysDir).publicKey());
        assertEquals(Set.of("partner"), jwt.getGroups());
        assertEquals("police-west", jwt.getClaim("org").toString());
        assertEquals(2 * 3600, jwt.getExpirationTime() - jwt.getIssuedAtTime());
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void refusesUnknownRolesWithExitCode2() {
        assertEquals(2, run("--keys", keysDir.toString(), "admin"));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertTrue(stderr.contains("unknown role 'admin'"), stderr);
        for (String role : DevTokens.ROLES) {
            assertTrue(stderr.contains(role), stderr);
        }
    }

    @Test
    void aPartnerNeedsAnOrg() {
        assertEquals(2, run("--keys", keysDir.toString(), "partner"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("a partner token needs --org"));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void refusesBadOptions() {
        assertEquals(2, run("ops", "--hours", "many"));
        assertEquals(2, run("ops", "--colour", "red"));
        assertEquals(2, run());
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void subjectIsSettable() throws Exception {
        assertEquals(0, run("--keys", keysDir.toString(), "team-manager", "--subject", "sam"));
        JsonWebToken jwt = DevTokensTest.parse(out.toString(StandardCharsets.UTF_8).trim(),
                DevKeys.loadOrCreate(keysDir).publicKey());
        assertEquals("sam", jwt.getSubject());
    }
}
