package org.frontdoor.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.frontdoor.events.EventJson;
import org.frontdoor.testsupport.OidcProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Swagger UI's Authorize signs in with the same identity provider as the console: each service's OpenAPI document
 * offers the provider's sign-in, and a token from the authorization code flow with PKCE, as Swagger UI runs it in
 * the browser, opens the APIs with the signed-in person's roles.
 */
class SignInIT {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static Pipeline pipeline;

    @BeforeAll
    static void start() {
        pipeline = Pipeline.get();
    }

    @Test
    void everyServicesOpenApiDocumentOffersTheProvidersSignIn() {
        String discovery = pipeline.oidc().issuer() + "/.well-known/openid-configuration";
        for (String service : new String[] { "referral-service", "triage-service", "notification-service" }) {
            JsonNode doc = Http.get(pipeline.service(service).url() + "/q/openapi?format=json", null).json();
            JsonNode scheme = doc.path("components").path("securitySchemes").path("signIn");
            assertEquals("openIdConnect", scheme.path("type").asText(), service);
            assertEquals(discovery, scheme.path("openIdConnectUrl").asText(), service);
            // every secured operation takes either the pasted bearer token or the sign-in
            int secured = 0;
            for (JsonNode path : doc.path("paths")) {
                for (JsonNode operation : path) {
                    if (operation.has("security")) {
                        secured++;
                        assertTrue(operation.path("security").toString().contains("\"signIn\""),
                                service + ": " + operation.path("summary").asText());
                    }
                }
            }
            assertTrue(secured > 3, service + " has secured operations");
            // Swagger UI finishes the flow on its redirect page and signs in as the registered public client
            Http.Reply redirectPage = Http.get(pipeline.service(service).url() + "/q/swagger-ui/oauth2-redirect.html",
                    null);
            assertEquals(200, redirectPage.status(), service);
            Http.Reply ui = Http.get(pipeline.service(service).url() + "/q/swagger-ui/", null);
            assertTrue(ui.body().contains(OidcProvider.API_EXPLORER_CLIENT_ID), service + " Swagger UI's client id");
        }
    }

    @Test
    void aManagerSignedInThroughSwaggerUiReachesTheApisWithTheirRolesOnly() throws Exception {
        String triage = pipeline.triage();
        String token = signInAsSwaggerUi(triage + "/q/swagger-ui/oauth2-redirect.html", "dev-team-manager",
                "team-manager");
        assertEquals(pipeline.oidc().issuer(), claims(token).path("iss").asText());

        Http.Reply queue = Http.get(triage + "/api/v1/triage-items/awaiting-approval", token);
        assertEquals(200, queue.status(), queue.body());
        Http.Reply overdue = Http.get(pipeline.notification() + "/api/v1/notifications/overdue", token);
        assertEquals(200, overdue.status(), overdue.body());
        // a manager is not ops: the outbox stays closed to them
        Http.Reply outbox = Http.get(pipeline.referral() + "/api/v1/ops/outbox", token);
        assertEquals(403, outbox.status(), outbox.body());
        // and a token that did not come from the provider is still refused
        Http.Reply forged = Http.get(triage + "/api/v1/triage-items/awaiting-approval",
                pipeline.tokens().builder().role("team-manager").signedWithAnotherKey().build());
        assertEquals(401, forged.status());
    }

    /**
     * What Swagger UI does in the browser: to the provider's authorization endpoint with a PKCE challenge, the
     * login page's choice of a demo member of staff, back to the redirect page with a code, and the code with its
     * verifier exchanged for tokens (a public client: no secret).
     */
    private static String signInAsSwaggerUi(String redirectUri, String subject, String role) throws Exception {
        String issuer = pipeline.oidc().issuer();
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", OidcProvider.API_EXPLORER_CLIENT_ID);
        query.put("redirect_uri", redirectUri);
        query.put("scope", "openid profile");
        query.put("state", "swagger-state");
        query.put("code_challenge", challenge);
        query.put("code_challenge_method", "S256");
        String authorize = issuer + "/authorize?" + form(query);

        HttpResponse<String> loginPage = CLIENT.send(HttpRequest.newBuilder(URI.create(authorize)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, loginPage.statusCode());
        assertTrue(loginPage.body().contains("sign-in-" + subject), "the login page offers " + subject);

        String claims = "{\"groups\": [\"" + role + "\"], \"preferred_username\": \"" + subject + "\"}";
        HttpResponse<String> signedIn = CLIENT.send(HttpRequest.newBuilder(URI.create(authorize))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", subject, "claims", claims))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, signedIn.statusCode(), signedIn.body());
        String location = signedIn.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(redirectUri + "?"), location);
        Map<String, String> back = parse(URI.create(location).getRawQuery());
        assertEquals("swagger-state", back.get("state"));

        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("grant_type", "authorization_code");
        exchange.put("code", back.get("code"));
        exchange.put("redirect_uri", redirectUri);
        exchange.put("client_id", OidcProvider.API_EXPLORER_CLIENT_ID);
        exchange.put("code_verifier", verifier);
        HttpResponse<String> tokens = CLIENT.send(HttpRequest.newBuilder(URI.create(issuer + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(exchange))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, tokens.statusCode(), tokens.body());
        return EventJson.mapper().readTree(tokens.body()).path("access_token").asText();
    }

    private static JsonNode claims(String jwt) throws Exception {
        return EventJson.mapper().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> parse(String query) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return values;
    }
}
