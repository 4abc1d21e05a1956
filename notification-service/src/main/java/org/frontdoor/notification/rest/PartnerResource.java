package org.frontdoor.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.List;
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
import org.frontdoor.events.codes.AgencyType;
import org.frontdoor.notification.domain.PartnerCommand;
import org.frontdoor.notification.domain.PartnerDirectory;
import org.frontdoor.support.concurrency.IfMatch;
import org.frontdoor.support.paging.Paging;
import org.frontdoor.support.problem.Problem;
import org.frontdoor.support.security.Roles;

@Path(PartnerResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partner directory", description = "The organisations the partnership works with, by the id their systems"
        + " carry (the token's org claim): agency type, census source code, contact emails for secure email, whether"
        + " they have a webhook, active or not. Messages to an organisation go by its webhook, else by email to its"
        + " contact emails, else become could-not-inform tasks; nothing is sent to an inactive one")
public class PartnerResource {

    static final String PATH = "/api/v1/partners";

    static final String REQUEST_EXAMPLE = """
            {"id": "hillside-primary", "name": "Hillside Primary School", "agencyType": "SCHOOL",
             "cinSourceCode": "2A", "contactEmails": ["safeguarding@hillside-primary.example"]}""";

    static final String VIEW_EXAMPLE = """
            {"id": "hillside-primary", "name": "Hillside Primary School", "agencyType": "SCHOOL",
             "cinSourceCode": "2A", "cinSource": "Schools",
             "contactEmails": ["safeguarding@hillside-primary.example"], "webhook": true, "active": true,
             "version": 0, "createdAt": "2026-11-23T09:00:00Z", "createdBy": "dev-front-door",
             "updatedAt": "2026-11-23T09:00:00Z", "updatedBy": "dev-front-door"}""";

    static final String INVALID_EXAMPLE = ProblemExamples.INVALID + """
             "detail": "3 fields are not valid", "instance": "/api/v1/partners",
             "errors": [{"field": "cinSourceCode", "message": "must be a professional referral source of the CIN \
            census: 2A, 2B, 3A, 3B, 3C, 3D, 3E, 3F, 4, 5A, 5B, 5C, 5D, 6, 7, 8"},
                        {"field": "contactEmails[0]", "message": "must be a well-formed email address"},
                        {"field": "id", "message": "must be lower-case letters, digits and hyphens, starting and \
            ending with a letter or digit"}]}""";

    @Inject
    PartnerDirectory directory;

    @Inject
    JsonWebToken token;

    @Inject
    Clock clock;

    @GET
    @RolesAllowed({ Roles.FRONT_DOOR, Roles.OPS, Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Operation(operationId = "listPartners", summary = "The partner directory", description = "Every organisation, by id, optionally only active"
            + " or inactive ones, or of one agency type.")
    @APIResponse(responseCode = "200", description = "A page of the organisations, by id; total counts them all",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PartnerView.Page.class),
                    examples = @ExampleObject(name = "directory", value = "{\"page\": 0, \"size\": 50, \"total\": 1,"
                            + " \"items\": [" + VIEW_EXAMPLE + "]}")))
    @APIResponse(responseCode = "422", description = "A filter that cannot be read, named")
    public PartnerView.Page list(
            @Parameter(description = "true: active only; false: inactive only",
                    schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("active") String active,
            @Parameter(description = "Only this agency type", schema = @Schema(implementation = AgencyType.class))
            @QueryParam("agencyType") String agencyType,
            @Parameter(description = "Page, from 0", example = "0", schema = @Schema(type = SchemaType.INTEGER,
                    format = "int32", minimum = "0", maximum = Paging.MAX_PAGE_TEXT, defaultValue = "0"))
            @QueryParam("page") @DefaultValue("0") String page,
            @Parameter(description = "Organisations a page", example = Paging.DEFAULT_SIZE, schema = @Schema(
                    type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = Paging.MAX_SIZE_TEXT,
                    defaultValue = Paging.DEFAULT_SIZE))
            @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) String size) {
        QueryReader query = new QueryReader(clock);
        Boolean onlyActive = query.bool(active, "active");
        AgencyType type = query.enumOf(AgencyType.class, agencyType, "agencyType");
        QueryReader.PageRequest paging = query.page(page, size, Paging.MAX_PAGE, Paging.MAX_SIZE);
        query.done();
        List<PartnerDirectory.Entry> all = directory.list(onlyActive, type);
        return new PartnerView.Page(paging.page(), paging.size(), all.size(),
                Paging.slice(all, paging.page(), paging.size()).stream().map(PartnerView::of).toList());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.FRONT_DOOR, Roles.OPS, Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    @Operation(operationId = "getPartner", summary = "A partner organisation", description = "The ETag header is the record's version, for"
            + " If-Match on PUT and deactivate.")
    @APIResponse(responseCode = "200", description = "The organisation; ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PartnerView.class),
                    examples = @ExampleObject(name = "school", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such organisation in the directory")
    public Response get(@Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = 100, pattern = "^" + PartnerCommand.ID_PATTERN + "$")) @PathParam("id") String id) {
        return view(PartnerView.of(directory.get(id)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.FRONT_DOOR, Roles.TEAM_MANAGER, Roles.OPS })
    @Operation(operationId = "createPartner", summary = "Add a partner organisation", description = "Its id is the org claim its system's tokens"
            + " carry, and the id triage names it by; it cannot change later. Every invalid field is listed in one"
            + " 422. Its webhook is not set here: the organisation sets it itself (PUT /api/v1/subscriptions).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PartnerCommand.class),
            examples = @ExampleObject(name = "school", value = REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Added; ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PartnerView.class),
                    examples = @ExampleObject(name = "school", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The id is taken")
    @APIResponse(responseCode = "422", description = "Invalid fields, each listed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = INVALID_EXAMPLE)))
    public Response create(PartnerCommand command) {
        PartnerView view = PartnerView.of(directory.create(command, Caller.of(token).subject()));
        return Response.created(URI.create(PATH + "/" + view.id())).entity(view)
                .header("ETag", IfMatch.etag(view.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.FRONT_DOOR, Roles.TEAM_MANAGER, Roles.OPS })
    @Operation(operationId = "updatePartner", summary = "Change a partner organisation", description = "Replaces the record; the id stays (give it"
            + " or leave it out). Send If-Match with the ETag you read: a change made since is not overwritten (412)."
            + " A change applies to messages still waiting to be sent.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PartnerCommand.class),
            examples = @ExampleObject(name = "school", value = REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Changed; ETag is its new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PartnerView.class),
                    examples = @ExampleObject(name = "school", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such organisation in the directory")
    @APIResponse(responseCode = "412", description = "The record changed since you read it")
    @APIResponse(responseCode = "422", description = "Invalid fields, each listed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = INVALID_EXAMPLE)))
    public Response update(@Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = 100, pattern = "^" + PartnerCommand.ID_PATTERN + "$")) @PathParam("id") String id, PartnerCommand command,
            @Parameter(description = "The record's ETag as last read", schema = @Schema(type = SchemaType.STRING, maxLength = IfMatch.MAX_LENGTH))
            @HeaderParam("If-Match") String ifMatch) {
        return view(PartnerView.of(directory.update(id, command, IfMatch.parse(ifMatch), Caller.of(token).subject())));
    }

    @POST
    @Path("/{id}/deactivate")
    @RolesAllowed({ Roles.FRONT_DOOR, Roles.TEAM_MANAGER, Roles.OPS })
    @Operation(operationId = "deactivatePartner", summary = "Deactivate a partner organisation", description = "Nothing more is sent to it, by webhook"
            + " or email: its messages, including those still waiting, become could-not-inform tasks"
            + " (INACTIVE_RECIPIENT) for the front door. Reactivate with PUT and active true. It stays in the"
            + " directory, so old records still name it.")
    @APIResponse(responseCode = "200", description = "Deactivated (or already inactive); ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PartnerView.class)))
    @APIResponse(responseCode = "404", description = "No such organisation in the directory")
    @APIResponse(responseCode = "412", description = "The record changed since you read it")
    public Response deactivate(@Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = 100, pattern = "^" + PartnerCommand.ID_PATTERN + "$")) @PathParam("id") String id,
            @Parameter(description = "The record's ETag as last read", schema = @Schema(type = SchemaType.STRING, maxLength = IfMatch.MAX_LENGTH))
            @HeaderParam("If-Match") String ifMatch) {
        return view(PartnerView.of(directory.deactivate(id, IfMatch.parse(ifMatch), Caller.of(token).subject())));
    }

    private static Response view(PartnerView view) {
        return Response.ok(view).header("ETag", IfMatch.etag(view.version())).build();
    }
}
