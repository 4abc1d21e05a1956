package org.frontdoor.support.problem;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.frontdoor.support.security.Roles;

/** A test-only endpoint shaped like the services' own, to drive every kind of error through the mappers. */
@Path("/api/v1/probe")
@Produces(MediaType.APPLICATION_JSON)
public class ProbeResource {

    public record Child(@NotBlank String firstName, @NotNull @Past LocalDate dateOfBirth) {
    }

    public record ProbeRequest(@NotBlank String sourceCode, @NotEmpty List<@Valid @NotNull Child> children,
            @Min(1) @Max(4) Integer level) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PARTNER, Roles.FRONT_DOOR })
    public ProbeRequest echo(@Valid @NotNull ProbeRequest request) {
        return request;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.PARTNER, Roles.FRONT_DOOR })
    public String find(@PathParam("id") UUID id) {
        throw ProblemException.notFound("Referral " + id);
    }

    @GET
    @Path("/boom")
    @RolesAllowed(Roles.OPS)
    public String boom() {
        throw new IllegalStateException("secret internal detail: Amy Smith 2016-04-02");
    }
}
