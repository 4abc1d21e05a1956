package org.frontdoor.triage.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.frontdoor.support.concurrency.IfMatch;
import org.frontdoor.support.paging.Paging;
import org.frontdoor.support.problem.Problem;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.support.problem.QueryParams;
import org.frontdoor.support.security.Roles;
import org.frontdoor.triage.statutory.AssessmentCommand;
import org.frontdoor.triage.statutory.AssessmentService;
import org.frontdoor.triage.statutory.Section47Command;
import org.frontdoor.triage.statutory.StatutoryTimescales;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assessments and s47 enquiries", description = "After a referral: the s17 assessment (due 45 working"
        + " days after the referral) and the s47 enquiry (its initial child protection conference due 15 working"
        + " days after the strategy discussion), recorded as the CIN census needs them, with what is due and"
        + " overdue. Changes take If-Match with the record's ETag.")
public class StatutoryWorkResource {

    static final String START_EXAMPLE = """
            {"startedOn": "2026-11-24", "childSeen": true}""";

    static final String AUTHORISE_EXAMPLE = """
            {"startedOn": "2026-11-24", "childSeen": true, "authorisedOn": "2026-12-18", "factors": ["2B", "3A"],
             "requiresSupport": true}""";

    static final String S47_EXAMPLE = """
            {"strategyDiscussionOn": "2026-11-24"}""";

    static final String ICPC_EXAMPLE = """
            {"strategyDiscussionOn": "2026-11-24", "icpcOn": "2026-12-11", "planStartedOn": "2026-12-11",
             "planCategory": "NEG"}""";

    @Inject
    AssessmentService work;

    @Inject
    StatutoryTimescales timescales;

    @PUT
    @Path("/assessments/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Operation(operationId = "updateAssessment", summary = "Change or authorise an s17 assessment", description = "The whole record. Authorised not"
            + " before it started (DfE 8608); the factors identified at its end only with the authorisation (8614),"
            + " 21 alone (8898), none twice; 18A and 19A are no longer used. Authorising (authorisedOn, with the factors and"
            + " requiresSupport) is a team manager's act, kept as authorisedBy.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AssessmentCommand.class),
            examples = @ExampleObject(name = "authorised", value = AUTHORISE_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Recorded", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING, maxLength = IfMatch.MAX_LENGTH)),
            content = @Content(schema = @Schema(implementation = AssessmentView.S17.class)))
    @APIResponse(responseCode = "403", description = "Setting, changing or taking back the authorisation (date,"
            + " factors, conclusion) is a team manager's act (field authorisedOn)")
    @APIResponse(responseCode = "412", description = "Changed since you read it")
    @APIResponse(responseCode = "422", description = "Every field that breaks a rule, named")
    public Response updateAssessment(@PathParam("id") UUID id, AssessmentCommand command,
            @Parameter(description = "The ETag as last read; optional") @HeaderParam("If-Match") @Size(max = IfMatch.MAX_LENGTH) String ifMatch) {
        AssessmentView.S17 view = AssessmentView.S17.of(work.updateAssessment(id, command, IfMatch.parse(ifMatch)));
        return withETag(view, view.version());
    }

    @PUT
    @Path("/section47-enquiries/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Operation(operationId = "updateSection47Enquiry", summary = "Record an s47 enquiry's conference and plan", description = "The whole record. The"
            + " conference on a working day, not before the enquiry (8615, 8870), or that none was needed (not"
            + " both, 8868); a child protection plan starts on the conference's date (2885) with its category. Recording"
            + " icpcNotRequired is a team manager's act, kept as icpcNotRequiredBy.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Section47Command.class),
            examples = @ExampleObject(name = "conference and plan", value = ICPC_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Recorded", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING, maxLength = IfMatch.MAX_LENGTH)),
            content = @Content(schema = @Schema(implementation = AssessmentView.S47.class)))
    @APIResponse(responseCode = "403", description = "Recording that no conference is needed (or taking it back)"
            + " is a team manager's act (field icpcNotRequired)")
    @APIResponse(responseCode = "412", description = "Changed since you read it")
    @APIResponse(responseCode = "422", description = "Every field that breaks a rule, named")
    public Response updateEnquiry(@PathParam("id") UUID id, Section47Command command,
            @Parameter(description = "The ETag as last read; optional") @HeaderParam("If-Match") @Size(max = IfMatch.MAX_LENGTH) String ifMatch) {
        AssessmentView.S47 view = AssessmentView.S47.of(work.updateEnquiry(id, command, IfMatch.parse(ifMatch)));
        return withETag(view, view.version());
    }

    @GET
    @Path("/timescales")
    @RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Operation(operationId = "listTimescales", summary = "Statutory timescales due and overdue", description = "Assessments of open referrals not"
            + " yet authorised (due 45 working days after the referral) and initial conferences not yet held (due 15"
            + " working days after the strategy discussion), the earliest due first; overdue=true keeps those past"
            + " their date.")
    @APIResponse(responseCode = "200", description = "A page of what is due; total counts it all",
            content = @Content(schema = @Schema(implementation = DueView.Page.class)))
    @APIResponse(responseCode = "422", description = "overdue is not true or false, or page or size is out of range")
    public DueView.Page timescales(@Parameter(description = "true: only what is past its date", example = "true",
            schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("overdue") String overdue,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Boolean onlyOverdue = QueryParams.bool(overdue, "overdue", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return DueView.Page.of(timescales.due(Boolean.TRUE.equals(onlyOverdue)), page, size);
    }

    private static Response withETag(Object view, long version) {
        return Response.ok(view).header("ETag", IfMatch.etag(version)).build();
    }
}
