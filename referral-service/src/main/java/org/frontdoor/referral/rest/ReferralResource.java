package org.frontdoor.referral.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.frontdoor.referral.domain.Caller;
import org.frontdoor.referral.domain.ReferralCommand;
import org.frontdoor.referral.domain.ReferralLookup;
import org.frontdoor.referral.domain.ReferralQueries;
import org.frontdoor.referral.domain.ReferralService;
import org.frontdoor.referral.domain.ReferralValidator;
import org.frontdoor.support.gate.PartnerGate;
import org.frontdoor.support.paging.Paging;
import org.frontdoor.support.problem.Problem;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.support.problem.RequestValidation;
import org.frontdoor.support.security.Roles;
import org.frontdoor.support.validation.Text;

@Path("/api/v1/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Referrals", description = "Submit a concern about a child (a contact) and follow what happens to it;"
        + " a child's contact becomes a referral only on a statutory decision")
public class ReferralResource {

    static final String REQUEST_EXAMPLE = """
            {
              "referrer": {"sourceCode": "2A", "organisationName": "Hillside Primary School",
                           "name": "J. Patel", "role": "Designated Safeguarding Lead",
                           "email": "dsl@hillside.example", "phone": "01632 960000",
                           "externalReference": "HPS-2026-0042"},
              "children": [{"firstName": "Amy", "lastName": "Smith", "dateOfBirth": "2016-04-02",
                            "gender": "F", "nhsNumber": "9434765919",
                            "address": {"line1": "1 High St", "town": "Doncaster", "postcode": "DN1 1AA"},
                            "school": "Hillside Primary School"}],
              "householdMembers": [{"name": "Carol Smith", "relationship": "mother"}],
              "concerns": {"summary": "Amy has arrived hungry most days this term and her attendance has dropped to 81%.",
                           "indicators": ["POOR_ATTENDANCE", "SIGNS_OF_NEGLECT"],
                           "immediateRisk": false},
              "consent": {"familyAware": true, "consentGiven": true}
            }""";

    static final String PUBLIC_EXAMPLE = """
            {
              "referrer": {"sourceCode": "1B", "name": "A neighbour", "phone": "01632 960111"},
              "children": [{"firstName": "Leo", "lastName": "Grant", "dateOfBirth": "2019-09-14", "gender": "M",
                            "address": {"line1": "3 Mill Lane", "town": "Doncaster", "postcode": "DN2 4QT"}}],
              "concerns": {"summary": "Shouting most nights and Leo left alone in the garden late in the evening.",
                           "indicators": ["DOMESTIC_ABUSE"], "immediateRisk": false},
              "consent": {"familyAware": false, "consentGiven": false,
                          "reasonWithoutConsent": "Caller fears for her own safety if the family learns she called."}
            }""";

    static final String CREATED_EXAMPLE = """
            {"referralId": "6b1f0e5e-2b7a-4a43-9a36-0d2b5d4f6a11", "reference": "FD-2026-004213",
             "receivedAt": "2026-11-23T10:15:00Z",
             "status": "RECEIVED", "acknowledgementDueBy": "2026-11-24T10:15:00Z",
             "externalReference": "HPS-2026-0042",
             "children": [{"position": 0, "childId": "0d6a4b53-6f54-4d8f-9b1c-3c7f5d0a9e21"}]}""";

    static final String VIEW_EXAMPLE = """
            {"referralId": "6b1f0e5e-2b7a-4a43-9a36-0d2b5d4f6a11", "reference": "FD-2026-004213",
             "receivedAt": "2026-11-23T10:15:00Z",
             "status": "DECIDED", "acknowledgementDueBy": "2026-11-24T10:15:00Z",
             "referrer": {"sourceCode": "2A", "organisationName": "Hillside Primary School", "name": "J. Patel",
                          "role": "Designated Safeguarding Lead", "externalReference": "HPS-2026-0042"},
             "children": [{"childId": "0d6a4b53-6f54-4d8f-9b1c-3c7f5d0a9e21", "position": 0, "firstName": "Amy",
                           "lastName": "Smith", "dateOfBirth": "2016-04-02",
                           "status": "REFERRED_TO_SOCIAL_CARE", "recordType": "REFERRAL", "referralDate": "2026-11-23",
                           "level": 4, "outcome": "SOCIAL_CARE_ASSESSMENT",
                           "referrerFeedback": "A social worker will assess Amy's needs and contact the family.",
                           "decidedAt": "2026-11-23T15:40:00Z"}],
             "concerns": {"summary": "Amy has arrived hungry most days this term and her attendance has dropped to 81%.",
                          "indicators": ["POOR_ATTENDANCE", "SIGNS_OF_NEGLECT"], "immediateRisk": false},
             "timeline": [
               {"at": "2026-11-23T10:15:00Z", "kind": "RECEIVED", "summary": "Contact received", "detail": {}},
               {"at": "2026-11-23T10:15:02Z", "kind": "IN_TRIAGE", "childId": "0d6a4b53-6f54-4d8f-9b1c-3c7f5d0a9e21",
                "summary": "In the MASH triage queue", "detail": {"priority": "AMBER"}},
               {"at": "2026-11-23T15:40:00Z", "kind": "DECIDED", "childId": "0d6a4b53-6f54-4d8f-9b1c-3c7f5d0a9e21",
                "summary": "Decided: Children's social care assessment (s17)",
                "detail": {"level": 4, "outcome": "SOCIAL_CARE_ASSESSMENT", "pathway": "SOCIAL_CARE",
                           "recordType": "REFERRAL",
                           "referrerFeedback": "A social worker will assess Amy's needs and contact the family."}},
               {"at": "2026-11-23T15:40:00Z", "kind": "BECAME_REFERRAL", "childId": "0d6a4b53-6f54-4d8f-9b1c-3c7f5d0a9e21",
                "summary": "Became a referral: children's social care assessment (s17)",
                "detail": {"referralDate": "2026-11-23", "outcome": "SOCIAL_CARE_ASSESSMENT"}}]}""";

    static final String MINE_EXAMPLE = """
            {"page": 0, "size": 50, "total": 1, "items": [
              {"referralId": "6b1f0e5e-2b7a-4a43-9a36-0d2b5d4f6a11", "reference": "FD-2026-004213",
               "receivedAt": "2026-11-23T10:15:00Z", "status": "IN_TRIAGE", "sourceCode": "1B",
               "children": [{"childId": "0d6a4b53-6f54-4d8f-9b1c-3c7f5d0a9e21", "firstName": "Leo",
                             "lastName": "Smith", "dateOfBirth": "2019-09-14", "postcode": "DN2 4QT",
                             "status": "IN_TRIAGE", "recordType": "CONTACT"}]}]}""";

    static final String INVALID_EXAMPLE = """
            {"type": "urn:frontdoor:problem:validation", "title": "Request is not valid", "status": 422,
             "detail": "2 fields are not valid", "instance": "/api/v1/referrals",
             "errors": [{"field": "children[0].nhsNumber", "message": "must be a 10-digit NHS number with a valid check digit"},
                        {"field": "consent.reasonWithoutConsent", "message": "is required when the family has not consented: say why the referral goes ahead"}]}""";

    @Inject
    RequestValidation validation;

    @Inject
    ReferralValidator rules;

    @Inject
    ReferralService referrals;

    @Inject
    ReferralLookup lookup;

    @Inject
    JsonWebToken token;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PARTNER, Roles.FRONT_DOOR })
    @Operation(operationId = "submitReferral", summary = "Submit a concern about one or more children (a contact)",
            description = "A partner system posts the concerns its staff raised; the front door keys in those"
                    + " that came by phone or the web form. Every submission is recorded as a contact, and each"
                    + " child named in it is screened and gets a decision of its own. A child's contact becomes a"
                    + " referral only when the front door decides on a statutory assessment (s17) or a strategy"
                    + " discussion (s47), with the contact's date as the CIN referral date; GET shows which."
                    + " Every invalid field is listed in one 422. A partner system's organisation (the token's org"
                    + " claim) must be active in the partner directory (else 403), and it refers with its"
                    + " organisation's CIN source code from the directory (else 422 on referrer.sourceCode); the"
                    + " front door keying in a call chooses the source. A young adult's consent to share sent by a"
                    + " partner is a report: it counts once the front door confirms it. The same"
                    + " Idempotency-Key with the same body returns the first answer and creates nothing; with a"
                    + " different body it is refused (409).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReferralRequest.class),
            examples = {
                    @ExampleObject(name = "school", summary = "A school refers a child", value = REQUEST_EXAMPLE),
                    @ExampleObject(name = "neighbour", summary = "The front door keys in a neighbour's call",
                            value = PUBLIC_EXAMPLE) }))
    @APIResponse(responseCode = "201", description = "Received as a contact; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReferralCreated.class),
                    examples = @ExampleObject(name = "created", value = CREATED_EXAMPLE)))
    @APIResponse(responseCode = "403", description = PartnerGate.REFUSED_DESCRIPTION,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not admitted", value = PartnerGate.REFUSED_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The Idempotency-Key was used for a different request")
    @APIResponse(responseCode = "422", description = "Invalid fields, each listed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = INVALID_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Malformed JSON")
    @APIResponse(responseCode = "413", description = "Body over 256 KB")
    public Response submit(
            @Parameter(description = "Unique per referral, the same on every retry; required for partner systems",
                    example = "HPS-2026-0042-1",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 200, pattern = "^[\\x21-\\x7E]+$"))
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            ReferralRequest request, UriInfo uri) {
        if (request == null) {
            throw ProblemException.invalid("body", "a referral is required");
        }
        Caller caller = Caller.of(token);
        ReferralCommand command = request.toCommand();
        // the annotations' findings and the intake rules' in one 422
        validation.check(request, rules.check(command, caller, idempotencyKey));
        ReferralService.Submission submission = referrals.submit(command, caller, idempotencyKey);
        ReferralCreated created = ReferralCreated.from(submission.receipt());
        Response.ResponseBuilder response = Response.created(
                uri.getBaseUriBuilder().path("api/v1/referrals/{id}").build(created.referralId()))
                .entity(created);
        if (submission.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    @GET
    @Path("/mine")
    @RolesAllowed(Roles.FRONT_DOOR)
    @Transactional // the children are read into the page
    @Operation(operationId = "listMyReferrals", summary = "The contacts I keyed in",
            description = "The front door officer follows up the contacts they keyed in (phone calls, the public's"
                    + " web form): those submitted with their own sign-in (the token's subject), newest first, with"
                    + " each child's status and whether it became a referral. Paged; audited with the contacts"
                    + " shown. Other people's contacts are found with POST /api/v1/referrals/searches.")
    @APIResponse(responseCode = "200", description = "A page of the caller's contacts",
            content = @Content(schema = @Schema(implementation = ReferralSummary.Page.class),
                    examples = @ExampleObject(name = "mine", value = MINE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "page or size is not a number")
    @APIResponse(responseCode = "422", description = "page or size out of range")
    public ReferralSummary.Page mine(
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        ReferralQueries.Page found = lookup.submittedBy(Caller.of(token), page, size);
        return new ReferralSummary.Page(page, size, found.total(),
                found.items().stream().map(ReferralSummary::of).toList());
    }

    @GET
    @Path("/{referralId}")
    @RolesAllowed({ Roles.PARTNER, Roles.FRONT_DOOR, Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Transactional
    @Operation(operationId = "getReferral", summary = "A contact and its timeline",
            description = "Where each child stands and what the referrer was told and when. Each child's part is a"
                    + " CONTACT until a statutory decision (s17 assessment, or strategy discussion and s47) makes it"
                    + " a REFERRAL, with its CIN referral date. The status says what the referrer may know: in"
                    + " triage (every contact is screened, also one about a child with an open case), referred to"
                    + " children's social care, passed to the allocated worker of the child's open case, or"
                    + " decided otherwise. A partner sees its own organisation's contacts only: any other answers"
                    + " 404. Earlier contacts and referrals of the child are shown to staff only.")
    @APIResponse(responseCode = "200", description = "The contact",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReferralView.class),
                    examples = @ExampleObject(name = "referred", summary = "A contact that became a referral",
                            value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "403", description = PartnerGate.REFUSED_DESCRIPTION,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not admitted", value = PartnerGate.REFUSED_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such contact (or not yours)")
    public ReferralView get(@PathParam("referralId") UUID referralId) {
        Caller caller = Caller.of(token);
        ReferralLookup.Found found = lookup.read(referralId, caller);
        return ReferralView.of(found.referral(), found.children(), found.timeline(), caller.isStaff());
    }

    @POST
    @Path("/searches")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.FRONT_DOOR, Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Transactional
    @Operation(operationId = "searchReferrals", summary = "Find contacts",
            description = "Contacts naming a child with this surname, date of birth and postcode, received in"
                    + " [from, to), newest first. A surname or a date of birth is required (422 naming both when"
                    + " neither is given): the search finds a child, it does not list every contact; each child says whether its contact became a"
                    + " referral. The criteria travel in the body, never in the URL, and the audit trail keeps"
                    + " them with the contacts found.")
    @APIResponse(responseCode = "200", description = "A page of contacts",
            content = @Content(schema = @Schema(implementation = ReferralSummary.Page.class)))
    @APIResponse(responseCode = "422", description = "A criterion is not valid; each is named")
    public ReferralSummary.Page search(@RequestBody(required = true) ReferralSearch search) {
        validation.check(search, search == null ? List.of() : search.missingCriteria());
        int page = search.pageOrFirst();
        int size = search.sizeOrDefault();
        ReferralQueries.Page found = lookup.search(new ReferralQueries.Criteria(Text.blankToNull(search.surname()),
                search.dateOfBirth(), Text.blankToNull(search.postcode()), search.from(), search.to()),
                search.describe(), page, size);
        return new ReferralSummary.Page(page, size, found.total(),
                found.items().stream().map(ReferralSummary::of).toList());
    }
}
