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
import java.util.List;
import java.util.UUID;
import org.frontdoor.support.security.Roles;
import org.frontdoor.triage.cases.CaseAllocation;
import org.frontdoor.triage.cases.CaseReads;
import org.frontdoor.triage.staff.StaffService;

/** The team manager's allocation page: each case without a lead worker, allocated to one of its pathway's workers. */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@CsrfChecked
@RolesAllowed(Roles.TEAM_MANAGER)
public class ConsoleAllocationResource {


    @Inject
    CaseAllocation caseAllocation;

    @Inject
    CaseReads caseReads;

    @Inject
    StaffService staff;

    @Inject
    AllocationViews views;

    @Inject
    ConsolePages pages;

    @GET
    @Path("/allocation")
    public Response allocation(@QueryParam("done") String done) {
        return allocationPage(Posted.NONE, "allocated".equals(done) ? "Case allocated" : null);
    }

    /** A refusal about a field is shown beside that case's own form: {@code cases[<id>].worker}. */
    @POST
    @Path("/cases/{id}/allocate")
    public Response allocate(@PathParam("id") UUID id, @BeanParam ConsoleForms.AllocateForm form) {
        return pages.change(() -> caseAllocation.allocate(id, form.command(), form.ifMatch()),
                allocated -> "/console/allocation?done=allocated",
                FieldNames.prefix(FieldNames.CASES, id), found -> allocationPage(form.refused(found), null));
    }

    private Response allocationPage(Posted posted, String notice) {
        List<AllocationViews.Allocation> waiting = views.allocation(caseReads.awaitingAllocation(), staff.list(false));
        return pages.show("Cases awaiting allocation", posted, notice, t -> ConsoleTemplates.allocation(t, waiting));
    }
}
