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
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.frontdoor.support.paging.Paging;
import org.frontdoor.support.problem.RequestValidation;
import org.frontdoor.support.security.Roles;
import org.frontdoor.triage.strategy.StrategyDiscussions;

@Path("/api/v1/triage-items/{id}/strategy-discussions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Strategy discussions", description = "The strategy discussions held about a contact's child: when, the"
        + " front door's staff and the partner agencies invited (police and health always), what each agency shared,"
        + " the decision and the minutes. Attending agencies are told the outcome, never the minutes.")
public class StrategyDiscussionResource {

    static final String HELD_EXAMPLE = """
            {"heldAt": "2026-12-07T10:00:00Z", "staff": ["tw-tara-jones", "tm-maya-reid"],
             "agencies": [
               {"organisation": "south-yorks-police", "attended": true, "shared": "Two domestic incidents at the address in the last 6 months; the father was arrested in October."},
               {"organisation": "doncaster-health", "attended": true, "shared": "Health visitor saw a bruise on the baby's arm on 3 December."},
               {"organisation": "hillside-primary", "attended": false}],
             "section47Enquiry": true,
             "immediateProtectiveAction": "Mother agrees the children stay with their grandmother tonight; police visit at 18:00.",
             "minutes": "Chair: T. Jones. Information shared by police and health. Threshold for s47 met: joint visit today."}""";

    @Inject
    StrategyDiscussions discussions;

    @Inject
    RequestValidation validation;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Operation(operationId = "recordStrategyDiscussion", summary = "Record a strategy discussion",
            description = "A strategy discussion as held about the item's child. A police agency (partner directory"
                    + " agency type POLICE) and a health agency (HEALTH) must be among the agencies invited, each an"
                    + " active organisation of the partner directory; staff are staff directory ids; it was held"
                    + " neither in the future nor before the contact was received. Every field at fault is named in"
                    + " one 422.\n\nThe attending agencies are told the outcome (strategy-discussion.held: when, the"
                    + " decision and any immediate protective action; never the minutes nor what each shared). A"
                    + " discussion that decides on an s47 enquiry dates the item's enquiry still awaiting its"
                    + " conference (strategyDiscussionOn, the census's and Annex A's date; the conference then due 15"
                    + " working days later); an enquiry started later without a date takes the latest such"
                    + " discussion's.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StrategyDiscussionRequest.class),
            examples = @ExampleObject(name = "s47 enquiry decided", value = HELD_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Recorded",
            headers = @Header(name = "Location", description = "The discussion",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference", maxLength = 200)),
            content = @Content(schema = @Schema(implementation = StrategyDiscussionView.class)))
    @APIResponse(responseCode = "403", description = "Your sign-in is not linked to an active member of staff")
    @APIResponse(responseCode = "404", description = "No such item")
    @APIResponse(responseCode = "422", description = "Every field at fault, named: e.g. agencies without police or"
            + " health, an unknown organisation (agencies[N].organisation) or member of staff (staff[N])")
    public Response hold(@PathParam("id") UUID id, StrategyDiscussionRequest request) {
        validation.check(request, List.of());
        StrategyDiscussionView view = StrategyDiscussionView.from(discussions.hold(id, request.toCommand()));
        return Response.created(URI.create("/api/v1/triage-items/" + id + "/strategy-discussions/" + view.id()))
                .entity(view).build();
    }

    @GET
    @RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Operation(operationId = "listStrategyDiscussions", summary = "The item's strategy discussions",
            description = "The strategy discussions held about the item's child, the latest first, paged, with"
                    + " their minutes. Audited.")
    @APIResponse(responseCode = "200", description = "A page of discussions",
            content = @Content(schema = @Schema(implementation = StrategyDiscussionView.Page.class)))
    @APIResponse(responseCode = "404", description = "No such item")
    public StrategyDiscussionView.Page list(@PathParam("id") UUID id,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Paging.MAX_SIZE) int size) {
        return StrategyDiscussionView.Page.of(discussions.ofItem(id), page, size);
    }

    @GET
    @Path("/{discussionId}")
    @RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Operation(operationId = "getStrategyDiscussion", summary = "One strategy discussion",
            description = "A strategy discussion of the item, with its minutes. Audited.")
    @APIResponse(responseCode = "200", description = "The discussion",
            content = @Content(schema = @Schema(implementation = StrategyDiscussionView.class)))
    @APIResponse(responseCode = "404", description = "No such item, or no such discussion of it")
    public StrategyDiscussionView get(@PathParam("id") UUID id, @PathParam("discussionId") UUID discussionId) {
        return StrategyDiscussionView.from(discussions.find(id, discussionId));
    }
}
