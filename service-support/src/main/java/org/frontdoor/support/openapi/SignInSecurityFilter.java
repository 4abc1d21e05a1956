package org.frontdoor.support.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Swagger UI's Authorize signs in with the authority's identity provider: when
 * {@code frontdoor.openapi.openid-connect-url} names its discovery document, the OpenAPI document gets an
 * {@code openIdConnect} security scheme, offered on every secured operation beside the pasted bearer token. It runs
 * at start-up because the provider is a deployment's setting, not the build's.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class SignInSecurityFilter implements OASFilter {

    public static final String SCHEME = "signIn";
    static final String URL_PROPERTY = "frontdoor.openapi.openid-connect-url";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Optional<String> discovery = ConfigProvider.getConfig().getOptionalValue(URL_PROPERTY, String.class);
        if (discovery.isEmpty() || openAPI.getComponents() == null || openAPI.getPaths() == null) {
            return;
        }
        openAPI.getComponents().addSecurityScheme(SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.OPENIDCONNECT)
                .openIdConnectUrl(discovery.get())
                .description("Sign in with the authority's identity provider (authorization code flow with PKCE,"
                        + " client frontdoor-api-explorer); your roles come from your account."));
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
                    // an alternative to the bearer requirement, not a second one to meet as well
                    operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(SCHEME));
                }
            }
        }
    }
}
