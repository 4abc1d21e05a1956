package org.frontdoor.triage.console;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.frontdoor.support.security.Roles;
import org.frontdoor.triage.children.ChildMerges;

/**
 * The console's page of one child across their records: the chronology, a page at a time, and the records merged
 * into the child, which a team manager or the worker screening the child's contact can separate again.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@CsrfChecked
@RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
public class ConsoleChildResource {

    @Inject
    ChildMerges childMerges;

    @Inject
    ChildViews views;

    @Inject
    ConsolePages pages;

    @GET
    @Path("/children/{childKey}")
    public Response child(@PathParam("childKey") UUID childKey, @QueryParam("page") String page,
            @QueryParam("done") String done) {
        Integer number = ConsoleForms.intOrNull(page);
        return childPage(childKey, number == null || number < 1 ? 1 : number, Posted.NONE,
                "separated".equals(done) ? "Records separated: each record's contacts are its own again" : null);
    }

    /** Undoes the merge of {@code record} into {@code survivor}, one of this child's records. */
    @POST
    @Path("/children/{childKey}/merges/{survivor}/{record}/separate")
    public Response separate(@PathParam("childKey") UUID childKey, @PathParam("survivor") UUID survivor,
            @PathParam("record") UUID record, @BeanParam ConsoleForms.ReasonForm form) {
        String prefix = FieldNames.prefix(FieldNames.SEPARATE, survivor, record);
        return pages.change(() -> childMerges.unmerge(survivor, record,
                form.required("Enter why these are not the same child")),
                separated -> "/console/children/" + childKey + "?done=separated",
                prefix, found -> childPage(childKey, 1, form.refused(prefix, found), null));
    }

    private Response childPage(UUID childKey, int page, Posted posted, String notice) {
        return pages.showRecord(() -> views.child(childKey, page), shown -> shown.name() + ": chronology", posted,
                notice, ConsoleTemplates::child);
    }
}
