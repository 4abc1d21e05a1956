package org.frontdoor.triage.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.frontdoor.support.paging.Paging;
import org.frontdoor.support.problem.RequestValidation;
import org.frontdoor.support.security.Roles;
import org.frontdoor.triage.children.ChildMerges;
import org.frontdoor.triage.children.Chronology;

@Path("/api/v1/children/{childKey}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Child records", description = "A child's records joined when two are found to be one child, separated"
        + " again when they were not, rejected as not the same child, and the child's chronology across them. A"
        + " record is a childKey (a triage item's, or a possible match's). A team manager, or the triage worker"
        + " screening a contact about either record; every change and read is audited.")
public class ChildRecordResource {

    static final String MERGE_EXAMPLE = """
            {"duplicate": "0b7a4c1e-9a57-4f43-8d0e-2f6c9f1a7b31",
             "reason": "Same date of birth and school; the police spelt the surname Kettlebrough"}""";

    static final String UNMERGE_EXAMPLE = """
            {"duplicate": "0b7a4c1e-9a57-4f43-8d0e-2f6c9f1a7b31",
             "reason": "Different children: the school confirmed two pupils of that name"}""";

    static final String NOT_THE_SAME_EXAMPLE = """
            {"other": "0b7a4c1e-9a57-4f43-8d0e-2f6c9f1a7b31",
             "reason": "Twins: same surname, date of birth and address, different first names"}""";

    @Inject
    ChildMerges merges;

    @Inject
    Chronology chronology;

    @Inject
    RequestValidation validation;

    @POST
    @Path("/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Operation(operationId = "mergeChildRecords", summary = "Merge two records of one child", description = "The"
            + " duplicate's contacts, case and census record count under this record from now on (its census record"
            + " is left out of the returns, so the child has one LAchildID); the referral service follows through"
            + " child.merged. Refused while the duplicate is merged into another record, when this record is itself"
            + " merged (merge into the one it counts under), and when both records have an open case.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MergeRequest.class),
            examples = @ExampleObject(name = "one child, two spellings", value = MERGE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Merged: the merge as recorded",
            content = @Content(schema = @Schema(implementation = MergeView.class)))
    @APIResponse(responseCode = "403", description = "Neither a team manager nor screening a contact of either"
            + " record")
    @APIResponse(responseCode = "404", description = "No contact of one of the records")
    @APIResponse(responseCode = "409", description = "The duplicate is already merged, this record is merged into"
            + " another, it is one of the duplicate's own records, or both have an open case: the words say what to"
            + " do")
    @APIResponse(responseCode = "422", description = "No reason, no duplicate, or the record itself (fields reason,"
            + " duplicate)")
    public Response merge(@PathParam("childKey") UUID childKey, MergeRequest request) {
        validation.check(request, List.of());
        return Response.status(Response.Status.CREATED)
                .entity(MergeView.of(merges.merge(childKey, request.duplicate(), request.reason()))).build();
    }

    @POST
    @Path("/unmerge")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Operation(operationId = "unmergeChildRecords", summary = "Undo a merge of two records", description = "Every"
            + " contact, case and census record of the duplicate (and of the records merged into it) counts under"
            + " its own record again, exactly as before the merge; the referral service follows through"
            + " child.unmerged. The merge stays on record, marked undone.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MergeRequest.class),
            examples = @ExampleObject(name = "two children after all", value = UNMERGE_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Separated: the merge, marked undone",
            content = @Content(schema = @Schema(implementation = MergeView.class)))
    @APIResponse(responseCode = "403", description = "Neither a team manager nor screening a contact of the record")
    @APIResponse(responseCode = "404", description = "The duplicate is not merged into this record")
    @APIResponse(responseCode = "422", description = "No reason or no duplicate (fields reason, duplicate)")
    public MergeView unmerge(@PathParam("childKey") UUID childKey, MergeRequest request) {
        validation.check(request, List.of());
        return MergeView.of(merges.unmerge(childKey, request.duplicate(), request.reason()));
    }

    @POST
    @Path("/not-the-same")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Operation(operationId = "recordNotTheSameChild", summary = "Record that two records are different children",
            description = "The other record is not offered as a possible match of this one again (nor this one of"
                    + " it). Recording it again changes nothing.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = NotTheSameRequest.class),
            examples = @ExampleObject(name = "twins", value = NOT_THE_SAME_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = NotTheSameView.class)))
    @APIResponse(responseCode = "200", description = "Recorded already: nothing changed",
            content = @Content(schema = @Schema(implementation = NotTheSameView.class)))
    @APIResponse(responseCode = "403", description = "Neither a team manager nor screening a contact of either"
            + " record")
    @APIResponse(responseCode = "404", description = "No contact of one of the records")
    @APIResponse(responseCode = "422", description = "No reason, no other record, or the record itself (fields"
            + " reason, other)")
    public Response notTheSame(@PathParam("childKey") UUID childKey, NotTheSameRequest request) {
        validation.check(request, List.of());
        boolean added = merges.recordNotTheSame(childKey, request.other(), request.reason());
        return Response.status(added ? Response.Status.CREATED : Response.Status.OK)
                .entity(new NotTheSameView(childKey, request.other(), !added)).build();
    }

    @GET
    @Path("/chronology")
    @RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Operation(operationId = "getChildChronology", summary = "A child's chronology", description = "Every contact,"
            + " decision, partner check, case step, assessment, s47 enquiry, message to a referrer and merge about"
            + " the child, oldest first, across the records merged into the one it counts under (asked for by any"
            + " of them). Summaries in words, without the child's name or the concern. Audited.")
    @APIResponse(responseCode = "200", description = "A page of the chronology; total counts it all",
            content = @Content(schema = @Schema(implementation = ChronologyView.class)))
    @APIResponse(responseCode = "404", description = "No contact of the record")
    @APIResponse(responseCode = "422", description = "page or size is out of range")
    public ChronologyView chronology(@PathParam("childKey") UUID childKey,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        return ChronologyView.of(chronology.of(childKey, page, size), page, size);
    }
}
