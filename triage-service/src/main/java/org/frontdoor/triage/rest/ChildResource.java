package org.frontdoor.triage.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
import org.frontdoor.support.security.Roles;
import org.frontdoor.triage.statutory.CharacteristicsCommand;
import org.frontdoor.triage.statutory.CharacteristicsService;

@Path("/api/v1/children/{childKey}/characteristics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Children", description = "A child's characteristics for the CIN census and Ofsted's Annex A"
        + " (ethnicity, sex, disability, UPN, dates of birth), once per child the front door knows. A triage item's"
        + " childKey names the child.")
public class ChildResource {

    static final String EXAMPLE = """
            {"sex": "F", "ethnicity": "WBRI", "disabilities": ["NONE"], "upn": "A371000000017",
             "birthDate": "2016-04-02"}""";

    @Inject
    CharacteristicsService characteristics;

    @GET
    @RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Operation(operationId = "getChildCharacteristics", summary = "A child's characteristics", description = "As the census will report them. Audited.")
    @APIResponse(responseCode = "200", description = "The characteristics", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING, maxLength = IfMatch.MAX_LENGTH)),
            content = @Content(schema = @Schema(implementation = CharacteristicsView.class)))
    @APIResponse(responseCode = "404", description = "No such child")
    public Response get(@PathParam("childKey") UUID childKey) {
        return view(characteristics.get(childKey));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Operation(operationId = "putChildCharacteristics", summary = "Record a child's characteristics", description = "The whole record, with the DfE's codes;"
            + " the census's rules are checked here (a valid UPN; a date of birth or an expected one, not both;"
            + " U for an unborn child; NONE alone), so what the census would refuse is refused now. Audited.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CharacteristicsCommand.class),
            examples = @ExampleObject(name = "school-age child", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Recorded", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING, maxLength = IfMatch.MAX_LENGTH)),
            content = @Content(schema = @Schema(implementation = CharacteristicsView.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it")
    @APIResponse(responseCode = "422", description = "Every field that breaks a rule, named")
    public Response put(@PathParam("childKey") UUID childKey, CharacteristicsCommand command,
            @Parameter(description = "The ETag as last read; optional") @HeaderParam("If-Match") @Size(max = IfMatch.MAX_LENGTH) String ifMatch) {
        return view(characteristics.update(childKey, command, IfMatch.parse(ifMatch)));
    }

    private static Response view(org.frontdoor.triage.statutory.ChildCharacteristics c) {
        CharacteristicsView view = CharacteristicsView.of(c);
        return Response.ok(view).header("ETag", IfMatch.etag(view.version())).build();
    }
}
