package org.frontdoor.referral.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.frontdoor.referral.domain.Caller;
import org.frontdoor.referral.domain.ReferralChild;
import org.frontdoor.referral.domain.ReferralValidator;
import org.frontdoor.referral.domain.SharingConsentCommand;
import org.frontdoor.referral.domain.SharingConsents;
import org.frontdoor.support.problem.Problem;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.support.problem.RequestValidation;
import org.frontdoor.support.security.Roles;

/**
 * The front door records a young adult's consent to share after the contact, or confirms the consent a partner
 * system reported with it. Partners cannot do either: a partner's word alone shares nothing.
 */
@Path("/api/v1/referrals/{referralId}/children/{childId}/sharing-consent")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Referrals")
public class SharingConsentResource {

    static final String GIVEN_EXAMPLE = """
            {"status": "GIVEN", "recordedBy": "S. Lee, front door", "recordedAt": "2026-11-24T09:30:00Z"}""";

    static final String REFUSED_EXAMPLE = """
            {"status": "REFUSED"}""";

    static final String ANSWER_EXAMPLE = """
            {"childId": "0d6a4b53-6f54-4d8f-9b1c-3c7f5d0a9e21", "youngAdult": true,
             "sharingConsent": {"status": "GIVEN", "recordedBy": "S. Lee, front door",
                                "recordedAt": "2026-11-24T09:30:00Z", "confirmed": true,
                                "confirmedBy": "fd-sam-lee", "confirmedAt": "2026-11-24T09:30:00Z"}}""";

    static final String CONFIRMED_EXAMPLE = """
            {"childId": "0d6a4b53-6f54-4d8f-9b1c-3c7f5d0a9e21", "youngAdult": true,
             "sharingConsent": {"status": "GIVEN", "recordedBy": "hillside-primary-system",
                                "recordedAt": "2026-11-23T10:05:00Z", "confirmed": true,
                                "confirmedBy": "fd-sam-lee", "confirmedAt": "2026-11-24T09:30:00Z"}}""";

    static final String NOTHING_TO_CONFIRM_EXAMPLE = """
            {"type": "urn:frontdoor:problem:conflict", "title": "Conflict", "status": 409,
             "detail": "Child 0d6a4b53-6f54-4d8f-9b1c-3c7f5d0a9e21: consent to share was already confirmed by fd-sam-lee at 2026-11-24T09:30:00Z",
             "instance": "/api/v1/referrals/6b1f0e5e-2b7a-4a43-9a36-0d2b5d4f6a11/children/0d6a4b53-6f54-4d8f-9b1c-3c7f5d0a9e21/sharing-consent/confirmation"}""";

    static final String INVALID_EXAMPLE = """
            {"type": "urn:frontdoor:problem:validation", "title": "Request is not valid", "status": 422,
             "detail": "1 field is not valid",
             "instance": "/api/v1/referrals/6b1f0e5e-2b7a-4a43-9a36-0d2b5d4f6a11/children/0d6a4b53-6f54-4d8f-9b1c-3c7f5d0a9e21/sharing-consent",
             "errors": [{"field": "status", "message": "is required: GIVEN or REFUSED"}]}""";

    /** The child's consent to share, as now recorded. */
    @Schema(name = "SharingConsentRecorded")
    public record Answer(UUID childId, boolean youngAdult, ReferralView.ConsentView sharingConsent) {

        static Answer of(ReferralChild child) {
            return new Answer(child.id, child.youngAdult, ReferralView.ConsentView.of(child, true));
        }
    }

    @Inject
    RequestValidation validation;

    @Inject
    ReferralValidator rules;

    @Inject
    SharingConsents consents;

    @Inject
    JsonWebToken token;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.FRONT_DOOR, Roles.TEAM_MANAGER })
    @Operation(operationId = "recordSharingConsent", summary = "Record a young adult's consent to share",
            description = "For a child who was 18 or over on the contact's date (a care leaver): their explicit"
                    + " consent, given or refused, to share anything about them with partner agencies. Until it is"
                    + " GIVEN the referrer hears only that the contact was received; once GIVEN, the outcome and"
                    + " case messages held back are sent (what you record is confirmed by you at once); REFUSED"
                    + " (also a withdrawal) holds back what is not yet sent. Audited, on the timeline, and"
                    + " published as referral.consent-recorded. recordedAt"
                    + " defaults to now and recordedBy to your sign-in. Front door and team managers only.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SharingConsentRequest.class),
            examples = { @ExampleObject(name = "given", summary = "Consent given on the phone", value = GIVEN_EXAMPLE),
                    @ExampleObject(name = "refused", summary = "Refused, recorded now", value = REFUSED_EXAMPLE) }))
    @APIResponse(responseCode = "200", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Answer.class),
                    examples = @ExampleObject(name = "recorded", value = ANSWER_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "Not the front door or a team manager (e.g. a partner)")
    @APIResponse(responseCode = "404", description = "No such child in this contact")
    @APIResponse(responseCode = "409", description = "The child was not a young adult on the contact's date")
    @APIResponse(responseCode = "422", description = "Invalid fields, each listed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = INVALID_EXAMPLE)))
    public Answer record(@PathParam("referralId") UUID referralId, @PathParam("childId") UUID childId,
            SharingConsentRequest request) {
        if (request == null) {
            throw ProblemException.invalid("body", "a consent (status GIVEN or REFUSED) is required");
        }
        SharingConsentCommand consent = request.toCommand();
        validation.check(request, rules.checkSharingConsent(consent));
        return Answer.of(consents.record(referralId, childId, consent, Caller.of(token)));
    }

    @POST
    @Path("/confirmation")
    @RolesAllowed({ Roles.FRONT_DOOR, Roles.TEAM_MANAGER })
    @Operation(operationId = "confirmSharingConsent", summary = "Confirm the consent to share a partner reported",
            description = "A partner system may report with the contact that a young adult consented to sharing"
                    + " (sharingConsent GIVEN); it counts only once the front door or a team manager has checked it"
                    + " with the young person and confirms it here. Until then the referrer hears only that the"
                    + " contact was received. Confirming releases the outcome and case messages held back; it is"
                    + " audited, on the timeline, and published as referral.consent-recorded (consent.confirmed)."
                    + " No body: you are the one who confirms. Front door and team managers only.")
    @APIResponse(responseCode = "200", description = "Confirmed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Answer.class),
                    examples = @ExampleObject(name = "confirmed", value = CONFIRMED_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "Not the front door or a team manager (e.g. a partner)")
    @APIResponse(responseCode = "404", description = "No such child in this contact")
    @APIResponse(responseCode = "409", description = "Nothing to confirm: not a young adult, consent not GIVEN, or"
            + " already confirmed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "already confirmed", value = NOTHING_TO_CONFIRM_EXAMPLE)))
    public Answer confirm(@PathParam("referralId") UUID referralId, @PathParam("childId") UUID childId) {
        return Answer.of(consents.confirm(referralId, childId, Caller.of(token)));
    }
}
