package org.frontdoor.referral.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.frontdoor.events.codes.Indicator;
import org.frontdoor.events.codes.IndicatorCatalogue;
import org.frontdoor.support.security.Roles;

@Path("/api/v1/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Referrals")
public class IndicatorResource {

    @Schema(name = "IndicatorCatalogue")
    public record Catalogue(@Schema(description = "The whole catalogue (31 codes today)", maxItems = 100) List<Indicator> indicators) {
    }

    @GET
    @RolesAllowed({ Roles.PARTNER, Roles.FRONT_DOOR, Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER, Roles.OPS })
    @Operation(operationId = "listIndicatorCatalogue", summary = "The indicator catalogue",
            description = "The codes a referral's concerns may carry, each with a plain description, the level of"
                    + " the continuum of need it usually points to (a guide, not a verdict) and the DfE CIN"
                    + " assessment factor it maps to.")
    public Catalogue indicators() {
        return new Catalogue(IndicatorCatalogue.standard().all());
    }
}
