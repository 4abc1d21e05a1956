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
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.frontdoor.support.domain.DomainException;
import org.frontdoor.support.problem.Problem;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.support.security.Roles;
import org.frontdoor.triage.statutory.AssessmentService;
import org.frontdoor.triage.statutory.CharacteristicsService;

/**
 * The statutory work pages: a referral's s17 assessment (a team manager authorises it) and s47 enquiry with its
 * conference and plan, and a child's characteristics. The same services as the API record them and check the DfE's
 * rules; a refused field is shown beside it and in the error summary, what was typed kept.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@CsrfChecked
@RolesAllowed({ Roles.TRIAGE_WORKER, Roles.TEAM_MANAGER })
public class ConsoleStatutoryResource {

    /** What a page says of what was just done, by the redirect's {@code done}. */
    private static final Map<String, String> DONE = Map.of(
            "started", "Assessment started",
            "saved", "Assessment saved",
            "authorised", "Assessment authorised",
            "enquiry-started", "s47 enquiry started",
            "enquiry-saved", "s47 enquiry saved",
            "characteristics-saved", "Characteristics saved");

    @Inject
    AssessmentService work;

    @Inject
    CharacteristicsService characteristics;

    @Inject
    StatutoryViews views;

    @Inject
    ConsolePages pages;

    @GET
    @Path("/referrals/{itemId}/assessment")
    public Response assessment(@PathParam("itemId") UUID itemId, @QueryParam("done") String done) {
        return assessmentPage(itemId, List.of(), null, notice(done));
    }

    @POST
    @Path("/referrals/{itemId}/assessment")
    public Response startAssessment(@PathParam("itemId") UUID itemId,
            @BeanParam StatutoryForms.AssessmentForm form) {
        return change(() -> work.startAssessment(itemId, form.command()), a -> assessmentHref(itemId, "started"),
                "", errors -> assessmentPage(itemId, errors, form.values(), null));
    }

    @POST
    @Path("/referrals/{itemId}/assessment/{id}")
    public Response updateAssessment(@PathParam("itemId") UUID itemId, @PathParam("id") UUID id,
            @BeanParam StatutoryForms.AssessmentForm form) {
        return change(() -> work.updateAssessment(id, form.command(), form.ifMatch()),
                a -> assessmentHref(itemId, a.authorisedOn == null ? "saved" : "authorised"),
                "", errors -> assessmentPage(itemId, errors, form.values(), null));
    }

    @GET
    @Path("/referrals/{itemId}/section47")
    public Response enquiry(@PathParam("itemId") UUID itemId, @QueryParam("done") String done) {
        return enquiryPage(itemId, List.of(), null, false, notice(done));
    }

    @POST
    @Path("/referrals/{itemId}/section47")
    public Response startEnquiry(@PathParam("itemId") UUID itemId,
            @BeanParam StatutoryForms.StartEnquiryForm form) {
        return change(() -> work.startEnquiry(itemId, form.command()),
                e -> "/console/referrals/" + itemId + "/section47?done=enquiry-started",
                "start.", errors -> enquiryPage(itemId, errors, form.values(), true, null));
    }

    @POST
    @Path("/referrals/{itemId}/section47/{id}")
    public Response updateEnquiry(@PathParam("itemId") UUID itemId, @PathParam("id") UUID id,
            @BeanParam StatutoryForms.Section47Form form) {
        return change(() -> work.updateEnquiry(id, form.command(), form.ifMatch()),
                e -> "/console/referrals/" + itemId + "/section47?done=enquiry-saved",
                "", errors -> enquiryPage(itemId, errors, form.values(), false, null));
    }

    @GET
    @Path("/children/{childKey}/characteristics")
    public Response characteristics(@PathParam("childKey") UUID childKey, @QueryParam("done") String done) {
        return characteristicsPage(childKey, List.of(), null, notice(done));
    }

    @POST
    @Path("/children/{childKey}/characteristics")
    public Response recordCharacteristics(@PathParam("childKey") UUID childKey,
            @BeanParam StatutoryForms.CharacteristicsForm form) {
        return change(() -> characteristics.update(childKey, form.command(), form.ifMatch()),
                c -> "/console/children/" + childKey + "/characteristics?done=characteristics-saved",
                "", errors -> characteristicsPage(childKey, errors, form.values(), null));
    }

    /** A form's change, as every console form's ({@link ConsolePages#change}), its errors in words. */
    private <T> Response change(Supplier<T> change, Function<T, String> then, String prefix,
            Function<List<Problem.FieldError>, Response> redraw) {
        return pages.change(change, then, prefix, found -> redraw.apply(StatutoryForms.worded(prefix, found)));
    }

    private static String assessmentHref(UUID itemId, String done) {
        return "/console/referrals/" + itemId + "/assessment?done=" + done;
    }

    private static String notice(String done) {
        return done == null ? null : DONE.get(done);
    }

    private Response assessmentPage(UUID itemId, List<Problem.FieldError> errors, Map<String, String> posted,
            String notice) {
        return page(() -> views.assessment(itemId, posted), StatutoryViews.AssessmentScreen::title,
                StatutoryViews.AssessmentScreen::values, errors, notice, StatutoryTemplates::assessment);
    }

    private Response enquiryPage(UUID itemId, List<Problem.FieldError> errors, Map<String, String> posted,
            boolean startPosted, String notice) {
        return page(() -> views.enquiry(itemId, posted, startPosted), StatutoryViews.EnquiryScreen::title,
                StatutoryViews.EnquiryScreen::values, errors, notice, StatutoryTemplates::section47);
    }

    private Response characteristicsPage(UUID childKey, List<Problem.FieldError> errors, Map<String, String> posted,
            String notice) {
        return page(() -> views.characteristics(childKey, posted), StatutoryViews.CharacteristicsScreen::title,
                StatutoryViews.CharacteristicsScreen::values, errors, notice, StatutoryTemplates::characteristics);
    }

    /**
     * A record's page, its form filled in with the record as it is (drawn fresh) or as it was posted (refused); or,
     * when the record cannot be shown, a page saying why.
     */
    private <V> Response page(Supplier<V> view, Function<V, String> title, Function<V, Map<String, String>> values,
            List<Problem.FieldError> errors, String notice,
            java.util.function.BiFunction<ConsolePage, V, io.quarkus.qute.TemplateInstance> template) {
        V shown;
        try {
            shown = view.get();
        } catch (ProblemException | DomainException e) {
            return pages.problem(e);
        }
        return pages.show(title.apply(shown), new Posted(errors, values.apply(shown)), notice,
                page -> template.apply(page, shown));
    }
}
