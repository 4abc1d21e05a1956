package org.frontdoor.support.inbox;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.frontdoor.support.security.Roles;

/** Lets ops see the messages this service's consumers could never process, and replay one once it is fixed. */
@Path("/api/v1/ops/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPS)
@Tag(name = "Operations", description = "For ops: the outbox of events waiting for the broker, and dead letters")
@SecurityRequirement(name = "bearer")
public class DeadLetterResource {

    @Inject
    DeadLetterService service;

    @GET
    @Operation(operationId = "listDeadLetters", summary = "Dead letters",
            description = "Every message this service's consumers gave up on, the latest first: where it lies, the"
                    + " event it is, why it failed, and whether ops have sent it back. Never the event's data.")
    @APIResponse(responseCode = "200", description = "The dead letters")
    @APIResponse(responseCode = "503", description = "The broker could not be read")
    public List<DeadLetter> list() {
        return service.list();
    }

    @GET
    @Path("/{topic}/{partition}/{offset}")
    @Operation(operationId = "getDeadLetter", summary = "One dead letter")
    @APIResponse(responseCode = "200", description = "The dead letter")
    @APIResponse(responseCode = "404", description = "No dead letter of this service lies there")
    public DeadLetter get(@PathParam("topic") @Size(max = 249) @Pattern(regexp = "^[a-z0-9.-]{1,249}$") String topic,
            @PathParam("partition") @Min(0) @Max(10_000) int partition,
            @PathParam("offset") @Min(0) @Max(Long.MAX_VALUE) long offset) {
        return service.get(topic, partition, offset);
    }

    @POST
    @Path("/{topic}/{partition}/{offset}/replay")
    @Operation(operationId = "replayDeadLetter", summary = "Replay a dead letter",
            description = "Once the cause is fixed: applies the event through the consumer of the topic it came"
                    + " from, as a redelivery would: once, whatever happened before (its inbox). Each dead letter"
                    + " is replayed once; the replay is audited.")
    @APIResponse(responseCode = "200", description = "Replayed; the dead letter with its replay and outcome")
    @APIResponse(responseCode = "404", description = "No dead letter of this service lies there")
    @APIResponse(responseCode = "409", description = "Already replayed, not an event, or it still fails (the"
            + " reason is given; nothing was recorded)")
    public DeadLetter replay(@PathParam("topic") @Size(max = 249) @Pattern(regexp = "^[a-z0-9.-]{1,249}$") String topic,
            @PathParam("partition") @Min(0) @Max(10_000) int partition,
            @PathParam("offset") @Min(0) @Max(Long.MAX_VALUE) long offset) {
        return service.replay(topic, partition, offset);
    }
}
