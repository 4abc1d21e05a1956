package org.frontdoor.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;

/**
 * The OpenID Connect provider ({@link OidcProvider}) in the test JVM, and the console's OIDC tenant pointed at
 * it. One provider per JVM, as for the other servers.
 * <pre>
 * &#64;WithTestResource(value = OidcProviderTestResource.class, scope = TestResourceScope.GLOBAL)
 * </pre>
 */
public class OidcProviderTestResource implements QuarkusTestResourceLifecycleManager {

    private static OidcProvider provider;

    @Override
    public synchronized Map<String, String> start() {
        return Map.of("quarkus.oidc.console.auth-server-url", provider().issuer(),
                "quarkus.oidc.console.client-id", OidcProvider.CLIENT_ID,
                "quarkus.oidc.console.credentials.secret", OidcProvider.CLIENT_SECRET);
    }

    /** The provider, started on first use and kept until the JVM exits. */
    public static synchronized OidcProvider provider() {
        if (provider == null) {
            provider = OidcProvider.start(0, Path.of("target", "oidc-provider"), DevKeys.forTests());
            Runtime.getRuntime().addShutdownHook(new Thread(provider::close));
        }
        return provider;
    }

    @Override
    public void stop() {
        // the shared provider lives until the JVM exits, so later test classes reuse it
    }
}
