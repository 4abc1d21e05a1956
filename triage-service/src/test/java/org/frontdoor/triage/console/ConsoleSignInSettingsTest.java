package org.frontdoor.triage.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 24: the start fails when the console's sign-in settings are missing or unsafe, each problem naming its
 * setting; a local, plain-http run keeps its loopback provider.
 */
class ConsoleSignInSettingsTest {

    private static final Optional<String> SECRET = Optional.of("from-the-secret");

    @Test
    void productionWithTheSettingsFromTheEnvironmentStarts() {
        assertEquals(List.of(), ConsoleSignInSettings.problems(true,
                Optional.of("https://idp.example.gov.uk/realms/frontdoor"), SECRET));
    }

    @Test
    void noClientSecretStopsTheStart() {
        List<String> problems = ConsoleSignInSettings.problems(true,
                Optional.of("https://idp.example.gov.uk/realms/frontdoor"), Optional.empty());
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("quarkus.oidc.console.credentials.secret"), problems.get(0));
        assertEquals(1, ConsoleSignInSettings.problems(false, Optional.of("http://127.0.0.1:18090/frontdoor"),
                Optional.of(" ")).size(), "a blank secret is none, on plain http too");
    }

    @Test
    void noProviderStopsTheStart() {
        List<String> problems = ConsoleSignInSettings.problems(true, Optional.empty(), SECRET);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("quarkus.oidc.console.auth-server-url"), problems.get(0));
    }

    @Test
    void anHttpProviderStopsAnHttpsConsole() {
        List<String> problems = ConsoleSignInSettings.problems(true,
                Optional.of("http://idp.example.gov.uk/realms/frontdoor"), SECRET);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("http://idp.example.gov.uk/realms/frontdoor"), problems.get(0));
    }

    @Test
    void aLoopbackProviderOrAPlainHttpRunIsAllowedHttp() {
        assertEquals(List.of(), ConsoleSignInSettings.problems(true, Optional.of("http://127.0.0.1:18090/frontdoor"),
                SECRET), "on this machine nothing crosses a network");
        assertEquals(List.of(), ConsoleSignInSettings.problems(true, Optional.of("http://localhost:18090/frontdoor"),
                SECRET));
        assertEquals(List.of(), ConsoleSignInSettings.problems(false, Optional.of("http://oidc.localhost:18090/frontdoor"),
                SECRET), "Docker Compose on a laptop: served over plain http");
    }
}
