package org.frontdoor.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.frontdoor.notification.domain.Subscription;
import org.frontdoor.notification.domain.SubscriptionService;
import org.frontdoor.support.domain.DomainException;
import org.frontdoor.support.gate.PartnerGate;
import org.frontdoor.support.problem.Problem;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.support.security.Roles;

@Path("/api/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Subscriptions", description = "A partner system's webhook for acknowledgements, outcomes and case changes")
public class SubscriptionResource {

    static final String REQUEST_EXAMPLE = """
            {"callbackUrl": "https://cases.hillside.example/hooks/frontdoor",
             "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}""";

    static final String ROTATION_EXAMPLE = """
            {"callbackUrl": "https://cases.hillside.example/hooks/frontdoor",
             "secret": "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD",
             "previousSecretValidUntil": "2026-11-24T09:00:00Z"}""";

    static final String VIEW_EXAMPLE = """
            {"organisationId": "hillside-primary", "callbackUrl": "https://cases.hillside.example/hooks/frontdoor",
             "secretSet": true, "previousSecretValidUntil": null,
             "signature": "Standard Webhooks v1: HMAC-SHA256 over webhook-id.webhook-timestamp.body",
             "createdAt": "2026-11-23T09:00:00Z", "updatedAt": "2026-11-23T09:00:00Z"}""";

    static final String ROTATED_VIEW_EXAMPLE = """
            {"organisationId": "hillside-primary", "callbackUrl": "https://cases.hillside.example/hooks/frontdoor",
             "secretSet": true, "previousSecretValidUntil": "2026-11-24T09:00:00Z",
             "signature": "Standard Webhooks v1: HMAC-SHA256 over webhook-id.webhook-timestamp.body",
             "createdAt": "2026-11-23T09:00:00Z", "updatedAt": "2026-11-23T09:00:00Z"}""";

    static final String INVALID_EXAMPLE = ProblemExamples.INVALID + """
             "detail": "2 fields are not valid", "instance": "/api/v1/subscriptions",
             "errors": [{"field": "callbackUrl", "message": "must use https"},
                        {"field": "secret", "message": "is required"}]}""";

    static final String REFUSED_ADDRESS_EXAMPLE = ProblemExamples.INVALID + """
             "detail": "1 field is not valid", "instance": "/api/v1/subscriptions",
             "errors": [{"field": "callbackUrl", "message": "must reach a public address: its host resolves to a \
            link-local address (169.254.0.0/16, fe80::/10, e.g. the cloud metadata service 169.254.169.254)"}]}""";

    static final String DELIVERY_DESCRIPTION = """
            Each message is a JSON POST, `{"type": "referral.acknowledged" | "referral.outcome" | "case.stepped" |
            "case.closed", "timestamp": ..., "data": {...}}`, signed as the Standard Webhooks specification
            describes, so existing libraries verify it: headers `webhook-id` (the same on every retry of a message:
            de-duplicate on it, as a message can arrive twice if we fail after you answered), `webhook-timestamp`
            (unix seconds) and `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`. Answer 2xx
            within 10 seconds; anything else, a redirect (3xx, never followed) included, is retried with exponential
            backoff for about 24 hours. Without a subscription, messages go by email to the address on the referral, else to your
            organisation's contact emails in the partner directory.

            The callback must be https and its host must resolve only to public addresses: one loopback, private
            (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16, fe80::/10, the cloud metadata
            service), shared (100.64/10), benchmarking (198.18/15), multicast, unspecified or broadcast address,
            also as IPv4 inside IPv6, refuses it here (422 on `callbackUrl`) and again before every delivery.

            To rotate the secret, PUT the same callback with a new secret: for an overlap (24 hours, or until
            `previousSecretValidUntil`, at most 7 days) every message carries two signatures,
            `webhook-signature: v1,<new> v1,<old>`, and a Standard Webhooks library configured with either
            secret accepts it. Switch your verifier to the new secret within the overlap. A leaked secret: give
            `previousSecretValidUntil` as now and the old one stops signing at once.

            Every `data` holds `notificationId`, `kind`, `subject`, `text` (the message as a person reads it) and
            `contact`. A `referral.outcome` adds `referralId` and, for one child: `childId`, `childNumber`, `level`
            (1-4), `outcome` (NO_FURTHER_ACTION, INFORMATION_AND_ADVICE, EARLY_HELP_SINGLE_AGENCY,
            EARLY_HELP_TARGETED, SOCIAL_CARE_ASSESSMENT (s17), STRATEGY_DISCUSSION (s47) or
            PASSED_TO_ALLOCATED_WORKER: the child already has an open case and your information went to its
            allocated worker), `outcomeLabel` (the outcome in words), `pathway` (EARLY_HELP, SOCIAL_CARE or NONE;
            for PASSED_TO_ALLOCATED_WORKER the open case's), `referral` (true when your contact was accepted as a
            referral to children's social care), `referralDate` (with `referral`), `caseId` (when the child has a
            case), `reasons` (what the worker wrote for you) and `decidedAt`. Children are named by id and
            position, never by name or date of birth.""";

    static final String SUBSCRIPTION_REFUSED_EXAMPLE = """
            {"type": "urn:frontdoor:problem:partner-not-admitted",
             "title": "Organisation not admitted by the partner directory", "status": 403,
             "detail": "Organisation hillside-primary is not in the partner directory: ask the front door to add it",
             "instance": "/api/v1/subscriptions"}""";

    @Inject
    SubscriptionService subscriptions;

    @Inject
    JsonWebToken token;

    @Inject
    Clock clock;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PARTNER)
    @Operation(operationId = "putSubscription", summary = "Set your organisation's webhook", description = "Creates or replaces the webhook of the"
            + " organisation in your token's org claim. Every invalid field is listed in one 422.\n\n"
            + DELIVERY_DESCRIPTION)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SubscriptionRequest.class),
            examples = { @ExampleObject(name = "webhook", value = REQUEST_EXAMPLE),
                    @ExampleObject(name = "rotate the secret", description = "A new secret; the old one signs as"
                            + " well until previousSecretValidUntil (optional, default 24 hours)",
                            value = ROTATION_EXAMPLE) }))
    @APIResponse(responseCode = "200", description = "Saved; the secret is not echoed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubscriptionView.class),
                    examples = { @ExampleObject(name = "saved", value = VIEW_EXAMPLE),
                            @ExampleObject(name = "rotating", description = "Both secrets sign until"
                                    + " previousSecretValidUntil", value = ROTATED_VIEW_EXAMPLE) }))
    @APIResponse(responseCode = "422", description = "Invalid fields, each listed; a callback whose host is or"
            + " resolves to a non-public address is refused",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = { @ExampleObject(name = "invalid", value = INVALID_EXAMPLE),
                            @ExampleObject(name = "refused address", value = REFUSED_ADDRESS_EXAMPLE) }))
    @APIResponse(responseCode = "403", description = PartnerGate.REFUSED_DESCRIPTION,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not admitted", value = SUBSCRIPTION_REFUSED_EXAMPLE)))
    public SubscriptionView put(SubscriptionRequest request) {
        Caller caller = Caller.of(token);
        String org = caller.requireOrganisation();
        if (request == null) {
            throw ProblemException.invalid("body", "a subscription (callbackUrl, secret) is required");
        }
        Subscription saved = subscriptions.put(org, caller.subject(), request.callbackUrl(), request.secret(),
                request.previousSecretValidUntil());
        return SubscriptionView.of(saved, Instant.now(clock));
    }

    @GET
    @RolesAllowed(Roles.PARTNER)
    @Operation(operationId = "getSubscription", summary = "Your organisation's webhook", description = "Where messages are sent; the secret is never"
            + " returned.")
    @APIResponse(responseCode = "200", description = "The subscription",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubscriptionView.class),
                    examples = @ExampleObject(name = "subscription", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "403", description = PartnerGate.REFUSED_DESCRIPTION,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not admitted", value = SUBSCRIPTION_REFUSED_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No webhook set: messages go by email")
    public SubscriptionView get() {
        String org = Caller.of(token).requireOrganisation();
        return subscriptions.get(org).map(s -> SubscriptionView.of(s, Instant.now(clock)))
                .orElseThrow(() -> none(org));
    }

    @DELETE
    @RolesAllowed(Roles.PARTNER)
    @Operation(operationId = "deleteSubscription", summary = "Remove your organisation's webhook", description = "Later messages go by email to the"
            + " address on each referral, else to the organisation's contact emails in the partner directory.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "403", description = PartnerGate.REFUSED_DESCRIPTION,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not admitted", value = SUBSCRIPTION_REFUSED_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "There was none")
    public Response delete() {
        String org = Caller.of(token).requireOrganisation();
        if (!subscriptions.delete(org)) {
            throw none(org);
        }
        return Response.noContent().build();
    }

    private static DomainException.NotFound none(String org) {
        return DomainException.notFound("A webhook subscription for " + org);
    }
}
