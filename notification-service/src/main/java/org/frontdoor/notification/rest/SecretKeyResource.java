package org.frontdoor.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.frontdoor.notification.secrets.SecretReencryption;
import org.frontdoor.support.problem.NoRequestBody;
import org.frontdoor.support.security.Roles;

/** For ops rotating the key that encrypts partners' webhook secrets at rest (docs/deployment.md, "Key rotation"). */
@Path("/api/v1/ops/webhook-secrets")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPS)
@Tag(name = "Operations", description = "For ops: the outbox of events waiting for the broker, and dead letters")
@SecurityRequirement(name = "bearer")
public class SecretKeyResource {

    @Inject
    SecretReencryption reencryption;

    @GET
    @Path("/keys")
    @Operation(operationId = "getWebhookSecretKeys", summary = "The webhook-secret key ring",
            description = "The current key's id and, per key, how many stored secrets it encrypts: an older key with"
                    + " none left can be removed from frontdoor.notification.previous-secret-keys. Key ids only,"
                    + " never keys or secrets.")
    @APIResponse(responseCode = "200", description = "The key ring and what lies under each key")
    public SecretReencryption.Ring keys() {
        return reencryption.ring();
    }

    @POST
    @Path("/re-encryptions")
    @NoRequestBody
    @Operation(operationId = "reencryptWebhookSecrets", summary = "Re-encrypt webhook secrets under the current key",
            description = "After a rotation (the new key current, the old one among the previous keys): every stored"
                    + " secret under an older key is encrypted again under the current one. Safe to repeat; audited.")
    @APIResponse(responseCode = "200", description = "Done: how many moved, and the key ring after")
    public SecretReencryption.Ring reencrypt() {
        return reencryption.reencryptAll();
    }
}
