package org.frontdoor.notification.rest;

import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The moment a notification list judges deadlines at, as the query gives it. */
public class AsOfParam {

    @Parameter(description = "Judge deadlines as of this time (default now)", schema = @Schema(
            type = SchemaType.STRING, format = "date-time"), example = "2026-12-01T12:00:00Z")
    @QueryParam("asOf")
    String asOf;

    Instant read(QueryReader query) {
        return query.asOf(asOf);
    }
}
