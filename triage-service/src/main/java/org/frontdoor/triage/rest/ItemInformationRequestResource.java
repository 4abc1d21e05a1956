package org.frontdoor.triage.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import org.frontdoor.support.problem.Problem;
import org.frontdoor.support.security.Roles;
import org.frontdoor.triage.sharing.InformationRequest;
import org.frontdoor.triage.sharing.InformationRequestCommand;
import org.frontdoor.triage.sharing.InformationRequests;

/** Asking partner organisations from a triage item (its own class: TriageItemResource is full). */
@Path("/api/v1/triage-items/{id}/information-requests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Information requests")
public class ItemInformationRequestResource {

    static final String ASK_EXAMPLE = """
            {"organisation": "south-yorkshire-police",
             "question": "Any incidents or concerns at the address in the last 12 months?", "urgency": "RED"}""";

    static final String INACTIVE_EXAMPLE = """
            {"type": "urn:frontdoor:problem:validation", "title": "Request is not valid", "status": 422,
             "detail": "1 field is not valid", "instance": "/api/v1/triage-items/1c1c7c46-8e76-4b8e-9b7e-2f0f1b8f2f11/information-requests",
             "errors": [{"field": "organisation", "message": "names Old Police Desk, which is no longer active in the partner directory"}]}""";

    @Inject
    InformationRequests requests;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Operation(operationId = "askPartnerOrganisation", summary = "Ask a partner organisation about the children",
            description = "Asks an active organisation of the partner directory a question about the contact's"
                    + " children. Its answer is due by the urgency (the contact's own priority unless given): RED 4"
                    + " hours on the wall clock, AMBER 1 working day, GREEN 3 working days. The organisation is told"
                    + " (information.requested: the request's id, deadline and link, never the question or the"
                    + " children) and chased once the deadline passes. Not on a decided item.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = InformationRequestCommand.class),
            examples = @ExampleObject(name = "police", value = ASK_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Asked", headers = @Header(name = "Location",
            description = "The request's address", schema = @Schema(type = SchemaType.STRING, format = "uri-reference", maxLength = 100)),
            content = @Content(schema = @Schema(implementation = InformationRequestView.class)))
    @APIResponse(responseCode = "403", description = "Your sign-in is not linked to an active member of staff")
    @APIResponse(responseCode = "404", description = "No such item")
    @APIResponse(responseCode = "409", description = "The item is decided or awaits approval")
    @APIResponse(responseCode = "422", description = "Invalid fields, each listed: an organisation not active in the"
            + " partner directory, no question", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "inactive organisation", value = INACTIVE_EXAMPLE)))
    public Response ask(@PathParam("id") UUID id, InformationRequestCommand command) {
        InformationRequest r = requests.ask(id, command);
        return Response.created(URI.create(InformationRequests.PATH + r.id)).entity(InformationRequestView.of(r))
                .build();
    }

    @GET
    @RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Operation(operationId = "listItemInformationRequests", summary = "The item's information requests",
            description = "Every question asked from the item, oldest first, with its answer (a record's own"
                    + " history: not paged).")
    @APIResponse(responseCode = "200", description = "The requests", content = @Content(
            schema = @Schema(type = SchemaType.ARRAY, maxItems = 1000, implementation = InformationRequestView.class)))
    @APIResponse(responseCode = "404", description = "No such item")
    public List<InformationRequestView> list(@PathParam("id") UUID id) {
        return requests.readOfItem(id).stream().map(InformationRequestView::of).toList();
    }
}
