package org.frontdoor.notification.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;

/** The OpenAPI document's front page for this service. */
@OpenAPIDefinition(info = @Info(title = "Notification service API", version = "1.0", description = "Acknowledgements, outcome and closure feedback to referrers by signed webhook or email, with deadlines and retries.",
        license = @License(name = "Apache 2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")))
public class NotificationApiDefinition extends Application {
}
