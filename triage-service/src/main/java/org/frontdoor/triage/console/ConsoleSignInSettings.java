package org.frontdoor.triage.console;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.frontdoor.triage.config.TriageConfig;

/**
 * The console's sign-in settings, checked when the service starts so that a deployment missing them fails at once
 * rather than at the first person's sign-in: the client secret (from the environment, in Kubernetes the Secret
 * triage-console-oidc; application.properties holds one for dev mode only) and, where the console is served over
 * https, an https identity provider, since the client secret and the tokens travel to it. A provider on this
 * machine's loopback address is the one exception: nothing crosses a network.
 */
@ApplicationScoped
public class ConsoleSignInSettings {

    static final String PROVIDER = "quarkus.oidc.console.auth-server-url";
    static final String SECRET = "quarkus.oidc.console.credentials.secret";

    void check(@Observes StartupEvent start, Config config, TriageConfig triage) {
        List<String> problems = problems(triage.console().https(), config.getOptionalValue(PROVIDER, String.class),
                config.getOptionalValue(SECRET, String.class));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The MASH console cannot sign anyone in: " + String.join("; ", problems));
        }
    }

    /** What is wrong with the settings, each naming the setting (empty: nothing). */
    static List<String> problems(boolean https, Optional<String> provider, Optional<String> secret) {
        List<String> problems = new ArrayList<>();
        if (secret.filter(s -> !s.isBlank()).isEmpty()) {
            problems.add(SECRET + " (QUARKUS_OIDC_CONSOLE_CREDENTIALS_SECRET) is not set: the console's client secret"
                    + " comes from the environment (Secret triage-console-oidc)");
        }
        Optional<URI> url = provider.filter(p -> !p.isBlank()).map(p -> URI.create(p.strip()));
        if (url.isEmpty()) {
            problems.add(PROVIDER + " (QUARKUS_OIDC_CONSOLE_AUTH_SERVER_URL) is not set: the council's identity"
                    + " provider comes from the environment (council.env)");
        } else if (https && !"https".equalsIgnoreCase(url.get().getScheme()) && !loopback(url.get())) {
            problems.add(PROVIDER + " is " + url.get() + ": the client secret and the tokens would cross the network"
                    + " in clear; use the provider's https address");
        }
        return problems;
    }

    private static boolean loopback(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(java.util.Locale.ROOT);
        return host.equals("localhost") || host.equals("[::1]") || host.equals("::1")
                || host.matches("127(\\.\\d{1,3}){3}");
    }
}
