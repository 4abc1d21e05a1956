package org.frontdoor.triage.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.frontdoor.support.security.Roles;

@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class ConsoleResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(String name);
    }

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    public TemplateInstance home() {
        return Templates.home(identity.getPrincipal().getName());
    }
}
