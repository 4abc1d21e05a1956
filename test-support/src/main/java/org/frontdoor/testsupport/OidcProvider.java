package org.frontdoor.testsupport;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;

/**
 * A real OpenID Connect provider for the MASH console's sign-in (the local run and the tests): discovery, the
 * authorization code flow with PKCE, signed ID and access tokens, JWKS, end session. It stands in for the
 * council's identity provider (Keycloak, Microsoft Entra ID); its login page offers the demo staff, whose
 * subjects are those of the triage service's demo staff directory (and a front door officer, who is not in it)
 * and whose roles travel in the {@code groups}
 * claim, as a council's provider would be configured to send them.
 * <p>
 * It signs with the development key ({@link DevKeys}), so that it is the one issuer of the local run: the
 * console's sign-in, Swagger UI's Authorize and {@code ./pipeline token} all give tokens the APIs verify with one
 * issuer and one key, as they would with the council's provider in production.
 */
public final class OidcProvider implements AutoCloseable {

    /** The issuer's id in the provider: its URL is {@code http://127.0.0.1:<port>/frontdoor}. */
    public static final String ISSUER_ID = "frontdoor";
    public static final String CLIENT_ID = "frontdoor-console";
    /** The local run's client secret: a development value, never a production one. */
    public static final String CLIENT_SECRET = "local-console-secret";

    /** A demo member of staff: the subject, the name, the role. */
    public record DemoUser(String subject, String name, String role) {
    }

    public static final List<DemoUser> DEMO_USERS = List.of(
            new DemoUser("dev-triage-worker", "Tara Jones", "triage-worker"),
            new DemoUser("sam-patel", "Sam Patel", "triage-worker"),
            new DemoUser("dev-team-manager", "Maya Reid", "team-manager"),
            new DemoUser("owen-hart", "Owen Hart", "team-manager"),
            // the front door officer who takes the phone calls: not in the staff directory, which lists those who
            // screen, approve and hold cases; the subject is the development tokens' (dev-<role>)
            new DemoUser("dev-front-door", "Femi Adeyemi", "front-door"));

    private final MockOAuth2Server server;
    private final int port;

    private OidcProvider(MockOAuth2Server server, int port) {
        this.server = server;
        this.port = port;
    }

    /** The client Swagger UI's Authorize signs in as (public: the authorization code flow with PKCE). */
    public static final String API_EXPLORER_CLIENT_ID = "frontdoor-api-explorer";

    /**
     * Who this provider's tokens are for: its two clients and the three APIs. The console calls the notification API
     * with the signed-in person's token, and Swagger UI calls all three. One list for every client: the console's
     * token request names its client only in its Basic authorization, which the provider's request mappings do not
     * read; a council's provider gives each client its own list (docs/deployment.md, "Logs, traces and tokens").
     */
    static final List<String> AUDIENCES = java.util.stream.Stream.concat(
            java.util.stream.Stream.of(CLIENT_ID, API_EXPLORER_CLIENT_ID), DevTokens.AUDIENCES.stream()).toList();

    /**
     * Starts on 127.0.0.1:{@code port} (0: any free port), signing with {@code keys}; its login page is written to
     * {@code workDir}.
     */
    public static OidcProvider start(int port, Path workDir, DevKeys keys) {
        try {
            Files.createDirectories(workDir);
            Path loginPage = workDir.resolve("login.html");
            Files.writeString(loginPage, loginPage(), StandardCharsets.UTF_8);
            String config = """
                    {"interactiveLogin": true, "loginPagePath": "%s", "httpServer": "MockWebServerWrapper",
                     "tokenProvider": {"keyProvider": {"initialKeys": %s, "algorithm": "RS256"}},
                     "tokenCallbacks": [{"issuerId": "%s", "tokenExpiry": 3600,
                       "requestMappings": [
                         {"requestParam": "grant_type", "match": "*", "claims": {"aud": %s}}]}]}""".formatted(
                    loginPage.toAbsolutePath().toString().replace("\\", "\\\\"), jsonString(signingKey(keys)),
                    ISSUER_ID, jsonArray(AUDIENCES));
            MockOAuth2Server server = new MockOAuth2Server(OAuth2Config.Companion.fromJson(config));
            server.start(InetAddress.getByName("127.0.0.1"), port);
            return new OidcProvider(server, server.baseUrl().port());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the OpenID Connect provider", e);
        }
    }

    /** The development key as a JWK with its private part, for the provider to sign with. */
    private static String signingKey(DevKeys keys) {
        return new RSAKey.Builder((RSAPublicKey) keys.publicKey())
                .privateKey((RSAPrivateKey) keys.privateKey())
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .keyID("frontdoor-local")
                .build()
                .toJSONString();
    }

    private static String jsonArray(List<String> values) {
        return values.stream().map(OidcProvider::jsonString).collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }

    private static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    public int port() {
        return port;
    }

    /** The issuer URL, for discovery ({@code /.well-known/openid-configuration} under it). */
    public String issuer() {
        return server.issuerUrl(ISSUER_ID).toString().replaceAll("/$", "");
    }

    @Override
    public void close() {
        server.shutdown();
    }

    /** The login page: one button per demo member of staff, each posting its subject and claims. */
    static String loginPage() throws IOException {
        try (InputStream in = OidcProvider.class.getResourceAsStream("/oidc/login.html")) {
            String page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            StringBuilder users = new StringBuilder();
            for (DemoUser u : DEMO_USERS) {
                String claims = "{\"groups\": [\"" + u.role() + "\"], \"name\": \"" + u.name()
                        + "\", \"preferred_username\": \"" + u.subject() + "\"}";
                users.append("""
                        <form method="post" class="user">
                          <input type="hidden" name="username" value="%s">
                          <input type="hidden" name="claims" value="%s">
                          <button type="submit" id="sign-in-%s">Sign in as %s <span>(%s)</span></button>
                        </form>
                        """.formatted(u.subject(), claims.replace("\"", "&quot;"), u.subject(), u.name(),
                        u.role().replace('-', ' ')));
            }
            return page.replace("<!-- users -->", users.toString());
        }
    }
}
