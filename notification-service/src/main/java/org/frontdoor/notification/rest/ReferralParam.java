package org.frontdoor.notification.rest;

import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** A notification list narrowed to one referral, as the query gives it. */
public class ReferralParam {

    @Parameter(description = "Only this referral's", schema = @Schema(type = SchemaType.STRING, format = "uuid"),
            example = "6b1f0e5e-2b7a-4a43-9a36-0d2b5d4f6a11")
    @QueryParam("referralId")
    String referralId;

    UUID read(QueryReader query) {
        return query.referralId(referralId);
    }
}
