package org.frontdoor.triage.console;

import io.quarkus.security.identity.SecurityIdentity;
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
import java.util.function.Supplier;
import org.frontdoor.support.domain.DomainException;
import org.frontdoor.support.problem.Problem;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.support.problem.ProblemType;
import org.frontdoor.support.security.Roles;
import org.frontdoor.triage.cases.CaseAllocation;
import org.frontdoor.triage.staff.StaffService;

/**
 * The staff directory: everyone who works at the front door, a page at a time (workers and managers); a team
 * manager adds, changes and deactivates members of staff, and reallocates a deactivated worker's open cases from
 * their page. The staff service decides as it does for the API (four eyes: nobody changes their own role or
 * deactivates themselves) and audits it.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@CsrfChecked
@RolesAllowed(Roles.TEAM_MANAGER)
public class ConsoleStaffResource {

    @Inject
    StaffService staff;

    @Inject
    CaseAllocation caseAllocation;

    @Inject
    StaffViews views;

    @Inject
    ConsolePages pages;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/staff")
    @RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    public Response directory(@QueryParam("page") String page) {
        Integer p = ConsoleForms.intOrNull(page);
        StaffViews.Directory directory = views.directory(staff.list(false), p == null ? 0 : p - 1, mayChange());
        return pages.show("Staff directory", null, t -> DirectoryTemplates.staff(t, directory));
    }

    @GET
    @Path("/new-staff")
    public Response addPage() {
        return addPage(Posted.NONE);
    }

    /** Added: to their page. An id already taken is said beside the id. */
    @POST
    @Path("/staff")
    public Response add(@BeanParam StaffForms.StaffForm form) {
        return pages.change(idTaken(() -> staff.create(form.command(null))),
                added -> "/console/staff/" + added.staff().id + "?done=added", "",
                found -> addPage(form.refused(StaffViews.inWords(found))));
    }

    @GET
    @Path("/staff/{id}")
    @RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
    public Response member(@PathParam("id") String id, @QueryParam("done") String done,
            @QueryParam("returned") String returned) {
        return memberPage(id, null, notice(done, ConsoleForms.intOrNull(returned)));
    }

    /** The record replaced from the form; its sign-in stays as it is. */
    @POST
    @Path("/staff/{id}")
    public Response change(@PathParam("id") String id, @BeanParam StaffForms.StaffForm form) {
        return pages.change(() -> staff.update(id, form.command(staff.get(id).staff().subject), form.ifMatch()),
                changed -> "/console/staff/" + id + "?done=changed", "",
                found -> memberPage(id, form.refused(StaffViews.inWords(found)), null));
    }

    /** Deactivated: their page lists their open cases to reallocate, and says how many contacts went back. */
    @POST
    @Path("/staff/{id}/deactivate")
    public Response deactivate(@PathParam("id") String id, @BeanParam ConsoleForms.VersionForm form) {
        return pages.change(() -> staff.deactivate(id, form.ifMatch()),
                done -> "/console/staff/" + id + "?done=deactivated&returned=" + done.returnedToQueue().size(), null,
                null);
    }

    /** One of their cases to another worker; a refusal is shown beside that case's choice on their page. */
    @POST
    @Path("/staff/{id}/cases/{caseId}/allocate")
    public Response reallocate(@PathParam("id") String id, @PathParam("caseId") UUID caseId,
            @BeanParam ConsoleForms.AllocateForm form) {
        return pages.change(() -> caseAllocation.allocate(caseId, form.command(), form.ifMatch()),
                allocated -> "/console/staff/" + id + "?done=reallocated",
                FieldNames.prefix(FieldNames.CASES, caseId), found -> memberPage(id, form.refused(found), null));
    }

    private Response addPage(Posted posted) {
        StaffViews.Member blank = views.blank();
        return pages.show("Add a member of staff", posted, null, t -> DirectoryTemplates.staffNew(t, blank));
    }

    /** {@code posted} null: the page drawn fresh, the change form holding the record as it is. */
    private Response memberPage(String id, Posted posted, String notice) {
        StaffService.Member m;
        try {
            m = staff.get(id);
        } catch (ProblemException | DomainException e) {
            return pages.problem(e);
        }
        StaffViews.Member view = views.member(m, staff.list(false), mayChange());
        Posted shown = posted != null ? posted : new Posted(List.of(), StaffForms.values(m.staff()));
        return pages.show(view.name(), shown, notice, t -> DirectoryTemplates.staffMember(t, view));
    }

    private boolean mayChange() {
        return identity.hasRole(Roles.TEAM_MANAGER);
    }

    /** An id already in the directory, said beside the id rather than on a page of its own. */
    private static <T> Supplier<T> idTaken(Supplier<T> change) {
        return () -> {
            try {
                return change.get();
            } catch (DomainException.Conflict e) {
                throw new ProblemException(ProblemType.VALIDATION, e.getMessage(),
                        List.of(new Problem.FieldError("id", "is already in the directory: choose another")));
            }
        };
    }

    private static String notice(String done, Integer returned) {
        if (done == null) {
            return null;
        }
        return switch (done) {
            case "added" -> "Member of staff added";
            case "changed" -> "Changes saved";
            case "reallocated" -> "Case reallocated";
            case "deactivated" -> "Deactivated: they can no longer work the queue or be allocated cases"
                    + (returned == null || returned == 0 ? "" : ". " + returned + " undecided contact"
                            + (returned == 1 ? " went" : "s went") + " back to the queue");
            default -> null;
        };
    }
}
