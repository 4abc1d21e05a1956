package org.frontdoor.triage.console;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/**
 * GOV.UK Frontend's fonts and images where its stylesheet looks for them ({@code /assets/...}), from the webjar.
 * Public, like any stylesheet's assets: nothing here is about anyone.
 */
@Path("/assets")
@PermitAll
public class AssetsResource {

    static final String ROOT = "META-INF/resources/webjars/govuk-frontend/5.14.0/dist/govuk/assets/";

    @GET
    @Path("/{path: (fonts|images|rebrand)/[A-Za-z0-9._/-]+}")
    public Response asset(@PathParam("path") String path) {
        if (path.contains("..")) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(ROOT + path);
        if (in == null) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        String type = path.endsWith(".woff2") ? "font/woff2" : path.endsWith(".woff") ? "font/woff"
                : path.endsWith(".svg") ? "image/svg+xml" : path.endsWith(".png") ? "image/png"
                : path.endsWith(".ico") ? "image/x-icon" : "application/octet-stream";
        return Response.ok(in, type).header("Cache-Control", "public, max-age=86400").build();
    }
}
