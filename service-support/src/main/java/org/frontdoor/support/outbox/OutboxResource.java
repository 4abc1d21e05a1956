package org.frontdoor.support.outbox;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.support.security.Roles;

/** Lets ops see events that have not reached the broker and retry the ones it refused. */
@Path("/api/v1/ops/outbox")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPS)
@Tag(name = "Operations", description = "For ops: the outbox of events waiting for the broker, and dead letters")
@SecurityRequirement(name = "bearer")
public class OutboxResource {

    @Inject
    OutboxRepository repository;

    @Inject
    OutboxRelay relay;

    @GET
    @Operation(operationId = "getOutboxStatus", summary = "Outbox status", description = "How many events wait for the broker, since when, and the"
            + " events the broker refused for good.")
    @APIResponse(responseCode = "200", description = "The outbox status")
    public OutboxStatus status() {
        return repository.status();
    }

    @POST
    @Path("/{eventId}/retry")
    @Operation(operationId = "retryDeadEvent", summary = "Retry a dead event", description = "Puts an event the broker refused back in line.")
    @APIResponse(responseCode = "202", description = "The event is back in line")
    @APIResponse(responseCode = "404", description = "No dead event has that id")
    public Response retry(@PathParam("eventId") UUID eventId) {
        boolean revived = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> repository.revive(eventId));
        if (!revived) {
            throw ProblemException.notFound("Dead outbox event " + eventId);
        }
        relay.wakeUp();
        return Response.accepted().build();
    }
}
