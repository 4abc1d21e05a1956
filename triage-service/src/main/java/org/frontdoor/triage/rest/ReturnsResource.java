package org.frontdoor.triage.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.frontdoor.returns.AnnexACsvWriter;
import org.frontdoor.returns.AnnexAList;
import org.frontdoor.returns.AnnexAXlsxWriter;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.support.openapi.Bounds;
import org.frontdoor.support.problem.Problem;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.support.problem.QueryParams;
import org.frontdoor.support.security.Roles;
import org.frontdoor.triage.statutory.ReturnPeriods;
import org.frontdoor.triage.statutory.StatutoryReturns;

@Path("/api/v1/returns")
@Tag(name = "Statutory returns", description = "The DfE Children in Need census and Ofsted's Annex A lists, made"
        + " from the live data with no hand steps, for team managers. Each is audited as a bulk read.")
public class ReturnsResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String CSV = "text/csv";

    @Inject
    StatutoryReturns returns;

    @Inject
    Clock clock;

    @GET
    @Path("/cin-census")
    @Produces(MediaType.APPLICATION_XML)
    @RolesAllowed(Roles.TEAM_MANAGER)
    @Operation(operationId = "getCinCensus", summary = "The CIN census file", description = "For the collection year that ends on 31 March of"
            + " `year` (2027: 1 April 2026 to 31 March 2027): every child with a referral in the year or a child in"
            + " need episode open in it, in the DfE's XML. Checked against the DfE's rules and schema first: a child"
            + " who breaks a rule is left out of the file and listed by GET /api/v1/returns/cin-census/errors; fix"
            + " the data and make the file again (each file made gets the next serial number).")
    @APIResponse(responseCode = "200", description = "The file, valid against the DfE schema",
            headers = { @Header(name = "X-Census-Children", description = "Children in the file",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0",
                            maximum = Bounds.INT_MAX)),
                    @Header(name = "X-Census-Left-Out", description = "Children left out for an error",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0",
                                    maximum = Bounds.INT_MAX)) },
            content = @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "422", description = "year is missing or not a year, or no child can go in its file"
            + " (none in the year, or every one left out for an error: the errors report lists them)")
    public Response census(@Parameter(description = "The year holding the census's 31 March", example = "2027",
            schema = @Schema(type = SchemaType.STRING, maxLength = 4, pattern = "^20\\d\\d$"))
            @QueryParam("year") String year) {
        StatutoryReturns.Census census = returns.census(year(year), true);
        if (!census.offerable()) {
            throw ProblemException.invalid("year", census.whyNoFile() + (census.checked().rejected().isEmpty() ? ""
                    : "; GET /api/v1/returns/cin-census/errors?year=" + census.header().year() + " lists them"));
        }
        if (!census.schemaErrors().isEmpty()) {
            // every child passed the rules, so this is the software's fault, not the data's: never offered
            throw new IllegalStateException("the census file breaks the DfE schema: " + census.schemaErrors());
        }
        return Response.ok(census.xml(), MediaType.APPLICATION_XML_TYPE.withCharset("UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"cin-census-" + census.header().laCode() + "-"
                        + census.header().year() + "-" + census.header().serialNo() + ".xml\"")
                .header("X-Census-Children", census.checked().accepted().size())
                .header("X-Census-Left-Out", census.checked().rejected().size())
                .header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @Path("/cin-census/errors")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TEAM_MANAGER)
    @Operation(operationId = "getCinCensusErrors", summary = "What the CIN census would leave out, and why", description = "The same check as the file:"
            + " every error (the child is left out) and query (the DfE asks why; the child stays), per child with the"
            + " DfE rule, the field and the child's key to fix it.")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(schema = @Schema(implementation = CensusReport.class)))
    @APIResponse(responseCode = "422", description = "year is missing or not a year")
    public Response censusErrors(@Parameter(description = "The year holding the census's 31 March", example = "2027",
            schema = @Schema(type = SchemaType.STRING, maxLength = 4, pattern = "^20\\d\\d$"))
            @QueryParam("year") String year) {
        return Response.ok(CensusReport.of(returns.census(year(year), false))).header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @Path("/annex-a")
    @Produces(XLSX)
    @RolesAllowed(Roles.TEAM_MANAGER)
    @Operation(operationId = "getAnnexAWorkbook", summary = "Ofsted Annex A, lists 1-5, as a workbook", description = "Contacts, early help, referrals,"
            + " assessments and s47 enquiries / initial conferences, one sheet per list with Ofsted's columns, order"
            + " and dd/mm/yyyy dates. Defaults to the six months to today; at most 12 months.")
    @APIResponse(responseCode = "200", description = "The workbook",
            content = @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "422", description = "from or to is not a date, from is after to, or the window is"
            + " longer than 12 months")
    public Response annexA(@Parameter(example = "2026-06-02", schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("from") String from,
            @Parameter(example = "2026-12-01", schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("to") String to) {
        LocalDate[] window = window(from, to);
        List<AnnexAList> lists = returns.annexA(window[0], window[1]);
        StreamingOutput body = out -> new AnnexAXlsxWriter().write(lists, out);
        return Response.ok(body, XLSX).header("Content-Disposition", "attachment; filename=\"annex-a-" + window[0]
                + "-to-" + window[1] + ".xlsx\"").header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("/annex-a/lists/{list}")
    @Produces(CSV)
    @RolesAllowed(Roles.TEAM_MANAGER)
    @Operation(operationId = "getAnnexAList", summary = "One Ofsted Annex A list as CSV", description = "List 1 (contacts) to 5 (s47 enquiries),"
            + " with the workbook's columns; UTF-8 with a byte order mark, so Excel reads it as such.")
    @APIResponse(responseCode = "200", description = "The list",
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such list (1-5)")
    @APIResponse(responseCode = "422", description = "from or to is not a date, from is after to, or the window is"
            + " longer than 12 months")
    public Response annexAList(@Parameter(description = "1 to 5; another is 404", example = "1",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "5"))
            @PathParam("list") int list,
            @Parameter(example = "2026-06-02", schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("from") String from,
            @Parameter(example = "2026-12-01", schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("to") String to) {
        if (list < 1 || list > 5) {
            throw ProblemException.notFound("Annex A list " + list);
        }
        LocalDate[] window = window(from, to);
        AnnexAList chosen = returns.annexA(window[0], window[1]).get(list - 1);
        StreamingOutput body = out -> new AnnexACsvWriter(true).write(chosen, out);
        return Response.ok(body, CSV + "; charset=UTF-8").header("Content-Disposition", "attachment; filename=\""
                + chosen.fileName("csv") + "\"").header("Cache-Control", "no-store").build();
    }

    private static int year(String year) {
        Integer censusYear = ReturnPeriods.censusYear(year);
        if (censusYear == null) {
            throw ProblemException.invalid(List.of(new Problem.FieldError("year", "must be the year holding the"
                    + " census's 31 March, e.g. 2027 for April 2026 to March 2027")));
        }
        return censusYear;
    }

    private LocalDate[] window(String from, String to) {
        List<Problem.FieldError> errors = new ArrayList<>();
        LocalDate toDate = QueryParams.date(to, "to", errors);
        LocalDate fromDate = QueryParams.date(from, "from", errors);
        if (errors.isEmpty()) {
            ReturnPeriods.Period period = ReturnPeriods.Period.of(fromDate, toDate,
                    LocalDate.ofInstant(clock.instant(), WorkingCalendar.ENGLAND));
            if (period.backwards()) {
                errors.add(new Problem.FieldError("from", "must not be after to"));
            } else if (period.tooLong()) {
                errors.add(new Problem.FieldError("from", "must be on or after " + period.earliestFrom()
                        + ": Annex A covers at most " + ReturnPeriods.MAX_MONTHS + " months up to to"));
            } else {
                return new LocalDate[] { period.from(), period.to() };
            }
        }
        throw ProblemException.invalid(errors);
    }
}
