package org.frontdoor.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;

/**
 * Makes a Quarkus test verify bearer tokens against the development key in {@code target/dev-keys}
 * ({@code mp.jwt.verify.publickey.location}, {@code mp.jwt.verify.issuer}); tests get matching tokens from
 * {@link #tokens()}.
 */
public class DevJwtTestResource implements QuarkusTestResourceLifecycleManager {

    private static DevTokens tokens;

    @Override
    public Map<String, String> start() {
        return Map.of(
                "mp.jwt.verify.publickey.location", publicKeyPem().toString(),
                "mp.jwt.verify.issuer", DevTokens.ISSUER);
    }

    @Override
    public void stop() {
        // keys stay on disk for the next test class and run
    }

    /** Tokens signed with the key the test application trusts. */
    public static synchronized DevTokens tokens() {
        if (tokens == null) {
            tokens = new DevTokens(DevKeys.forTests());
        }
        return tokens;
    }

    /** Absolute path of the public key PEM. */
    public static Path publicKeyPem() {
        return DevKeys.forTests().publicKeyPem();
    }
}
