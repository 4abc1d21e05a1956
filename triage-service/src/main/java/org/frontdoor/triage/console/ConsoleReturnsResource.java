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
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.frontdoor.returns.AnnexACsvWriter;
import org.frontdoor.returns.AnnexAList;
import org.frontdoor.returns.AnnexAXlsxWriter;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.support.domain.DomainException;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.support.security.Roles;
import org.frontdoor.triage.statutory.StatutoryReturns;

/**
 * The team manager's returns page: the CIN census for a year, checked or made in the background with its progress
 * shown (ReturnsJobs), what it holds and leaves out with the way to put each failure right, its file; and Ofsted's
 * Annex A for a period, as a workbook or list by list. Each return is made, recorded and audited by the same
 * service as the API's (StatutoryReturns), as the signed-in manager.
 */
@Path("/console/returns")
@Produces(MediaType.TEXT_HTML)
@CsrfChecked
@RolesAllowed(Roles.TEAM_MANAGER)
public class ConsoleReturnsResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String TITLE = "Statutory returns";

    @Inject
    StatutoryReturns returns;

    @Inject
    ReturnsJobs jobs;

    @Inject
    ReturnsViews views;

    @Inject
    ConsolePages pages;

    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    @GET
    public Response page(@QueryParam("year") String year, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        try {
            LocalDate[] period = ReturnsForms.period(from, to, today());
            return start(year, period, new Posted(List.of(), Map.of("from", period[0].toString(), "to",
                    period[1].toString())));
        } catch (ProblemException e) {
            // the period's downloads stay those of the six months to today until the dates typed are ones
            LocalDate[] sixMonths = ReturnsForms.period(null, null, today());
            return start(year, sixMonths, new Posted(e.errors(), Map.of("from", text(from), "to", text(to))));
        }
    }

    /** Checks the census of a year, or makes its file: in the background, then to the page that follows it. */
    @POST
    @Path("/census")
    public Response census(@BeanParam ReturnsForms.CensusForm form) {
        int year;
        try {
            year = form.censusYear();
        } catch (ProblemException e) {
            return start(form.year(), ReturnsForms.period(null, null, today()), form.refused(e.errors()));
        }
        jobs.start(identity, year, form.make());
        return Response.seeOther(URI.create("/console/returns/census?year=" + year)).build();
    }

    /** The census being made (a page that follows it) or made: what it holds, leaves out and why, a page at a time. */
    @GET
    @Path("/census")
    public Response census(@QueryParam("year") String year, @QueryParam("page") String page) {
        ReturnsJobs.Job job = held(year);
        if (job == null) {
            return Response.seeOther(URI.create("/console/returns")).build();
        }
        if (!job.ready()) {
            return pages.show(job.make() ? "Making the census file" : "Checking the census", null,
                    t -> ReturnsTemplates.returnsProgress(t, job.year(), ReturnsViews.period(job.year()), job.make(),
                            job.seconds()));
        }
        StatutoryReturns.Census census;
        try {
            census = job.census().join();
        } catch (CompletionException e) {
            return refused(e);
        }
        Integer number = ConsoleForms.intOrNull(page);
        ReturnsViews.CensusScreen screen = views.census(census, job.make(), number == null ? 1 : number,
                job.seconds());
        return pages.show("Children in need census " + ReturnsViews.period(job.year()), null,
                t -> ReturnsTemplates.returnsCensus(t, screen));
    }

    /** Whether the census is ready yet, for the progress page's script: "ready", "making" or "none". */
    @GET
    @Path("/census/progress")
    @Produces(MediaType.TEXT_PLAIN)
    public String progress(@QueryParam("year") String year) {
        ReturnsJobs.Job job = held(year);
        return job == null ? "none" : job.ready() ? "ready" : "making";
    }

    /** The census file made for the year, as the API hands it out. */
    @GET
    @Path("/census/file")
    @Produces(MediaType.APPLICATION_XML)
    public Response file(@QueryParam("year") String year) {
        ReturnsJobs.Job job = held(year);
        StatutoryReturns.Census census = job == null || !job.make() || !job.ready()
                || job.census().isCompletedExceptionally() ? null : job.census().join();
        if (census == null || !census.offerable() || !census.schemaErrors().isEmpty()) {
            return pages.problem("No census file to download", "Make the census file for the year from the"
                    + " returns page first: a file made is kept for " + ReturnsJobs.HELD.toMinutes()
                    + " minutes.", 404);
        }
        return Response.ok(census.xml(), MediaType.APPLICATION_XML_TYPE.withCharset("UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"cin-census-" + census.header().laCode()
                        + "-" + census.header().year() + "-" + census.header().serialNo() + ".xml\"")
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("/annex-a")
    @Produces(XLSX)
    public Response annexA(@QueryParam("from") String from, @QueryParam("to") String to) {
        return annexA(from, to, (window, lists) -> {
            StreamingOutput body = out -> new AnnexAXlsxWriter().write(lists, out);
            return Response.ok(body, XLSX).header("Content-Disposition", "attachment; filename=\"annex-a-"
                    + window[0] + "-to-" + window[1] + ".xlsx\"");
        });
    }

    @GET
    @Path("/annex-a/lists/{list}")
    @Produces("text/csv")
    public Response annexAList(@PathParam("list") int list, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        if (list < 1 || list > 5) {
            return pages.problem("Page not found", "Annex A has lists 1 to 5.", 404);
        }
        return annexA(from, to, (window, lists) -> {
            AnnexAList chosen = lists.get(list - 1);
            StreamingOutput body = out -> new AnnexACsvWriter(true).write(chosen, out);
            return Response.ok(body, "text/csv; charset=UTF-8").header("Content-Disposition", "attachment;"
                    + " filename=\"" + chosen.fileName("csv") + "\"");
        });
    }

    private Response annexA(String from, String to,
            java.util.function.BiFunction<LocalDate[], List<AnnexAList>, Response.ResponseBuilder> download) {
        LocalDate[] window;
        try {
            window = ReturnsForms.period(from, to, today());
        } catch (ProblemException e) {
            return page(null, from, to);
        }
        return download.apply(window, returns.annexA(window[0], window[1])).header("Cache-Control", "no-store")
                .build();
    }

    private Response start(String year, LocalDate[] period, Posted posted) {
        ReturnsViews.Start view = views.start(today(), year, period[0], period[1]);
        Map<String, String> values = new java.util.HashMap<>(posted.values());
        values.put("year", view.year());
        posted = new Posted(posted.errors(), values);
        return pages.show(TITLE, posted, null, t -> ReturnsTemplates.returns(t, view));
    }

    /** The manager's census of the year asked for; null when the year is not one or none is held. */
    private ReturnsJobs.Job held(String year) {
        try {
            return jobs.of(identity, ReturnsForms.year(year));
        } catch (ProblemException e) {
            return null;
        }
    }

    /** The census could not be made: a refusal on a page of its own (e.g. not in the staff directory). */
    private Response refused(CompletionException e) {
        if (e.getCause() instanceof DomainException || e.getCause() instanceof ProblemException) {
            return pages.problem((RuntimeException) e.getCause());
        }
        throw e;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(WorkingCalendar.ENGLAND));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
