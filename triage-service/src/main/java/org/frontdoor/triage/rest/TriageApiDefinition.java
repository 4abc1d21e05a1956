package org.frontdoor.triage.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;

/** The OpenAPI document's front page for this service. */
@OpenAPIDefinition(info = @Info(title = "Triage service API", version = "1.0", description = "The MASH triage queue: suggested level on the continuum of need, decisions, allocation, step up/down and closure.",
        license = @License(name = "Apache 2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")))
public class TriageApiDefinition extends Application {
}
