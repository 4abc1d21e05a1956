package org.frontdoor.referral.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;

/** The OpenAPI document's front page for this service. */
@OpenAPIDefinition(info = @Info(title = "Referral service API", version = "1.0", description = "Intake of contacts about children from partner agencies and the front door; matching (twins stay two children); status and feedback timeline for the referrer. Every submission is a contact; a child's contact becomes a referral only on a statutory decision (s17 assessment, or strategy discussion and s47).",
        license = @License(name = "Apache 2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")))
public class ReferralApiDefinition extends Application {
}
