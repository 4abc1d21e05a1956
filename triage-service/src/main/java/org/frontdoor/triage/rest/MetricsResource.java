package org.frontdoor.triage.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.support.problem.Problem;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.support.problem.QueryParams;
import org.frontdoor.support.security.Roles;
import org.frontdoor.triage.indicators.MetricsService;
import org.frontdoor.triage.indicators.PerformanceIndicators;

@Path("/api/v1/triage")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Performance", description = "The indicators the partnership watches")
public class MetricsResource {

    @Inject
    MetricsService metrics;

    @Inject
    PerformanceIndicators performance;

    @Inject
    Clock clock;

    @GET
    @Path("/metrics")
    @RolesAllowed(Roles.TEAM_MANAGER)
    @Operation(operationId = "getPerformanceMetrics", summary = "Front door performance", description = "For [from, to): contacts by source (every child of"
            + " every submission), referrals by source (contacts whose decision was statutory, by their CIN referral"
            + " date), outcomes of decisions that took effect, share decided on time, share of early help cases that"
            + " went to social care, re-referral rate among referrals; decisions awaiting approval and cases awaiting"
            + " allocation now; each lead worker's caseload now. Defaults: the last 30 days.")
    @APIResponse(responseCode = "200", description = "The figures",
            content = @Content(schema = @Schema(implementation = TriageMetrics.class)))
    @APIResponse(responseCode = "422", description = "from or to is not a date-time, or from is not before to")
    public TriageMetrics get(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date-time"), example = "2026-11-01T00:00:00Z")
            @QueryParam("from") String from,
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date-time"), example = "2026-12-01T00:00:00Z")
            @QueryParam("to") String to) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Instant toInstant = QueryParams.instant(to, "to", errors);
        Instant fromInstant = QueryParams.instant(from, "from", errors);
        if (errors.isEmpty()) {
            toInstant = toInstant == null ? Instant.now(clock) : toInstant;
            fromInstant = fromInstant == null ? toInstant.minus(Duration.ofDays(30)) : fromInstant;
            if (!fromInstant.isBefore(toInstant)) {
                errors.add(new Problem.FieldError("from", "must be before to"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return TriageMetrics.of(metrics.indicators(fromInstant, toInstant));
    }

    @GET
    @Path("/indicators")
    @RolesAllowed(Roles.TEAM_MANAGER)
    @Operation(operationId = "listPartnershipIndicators", summary = "The partnership's indicators, with targets", description = "For a month (default: this"
            + " month, to today) and its year to date from 1 April: contacts and referrals by source, early help"
            + " stepping up to social care, contacts decided within 1 working day, referrers told the outcome within"
            + " target, re-referrals within 12 months, open early help plans, assessments within 45 working days,"
            + " ICPCs within 15, open cases per lead worker. Each against its configured target"
            + " (frontdoor.triage.indicators.\"<code>\".target and .tolerance) with red, amber or green. The same"
            + " figures are Prometheus gauges (frontdoor_indicator_value, frontdoor_indicator_rag).")
    @APIResponse(responseCode = "200", description = "The indicators",
            content = @Content(schema = @Schema(implementation = PerformanceReport.class)))
    @APIResponse(responseCode = "422", description = "month is not a month (yyyy-MM)")
    public PerformanceReport indicators(@Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = 7, pattern =
            "^\\d{4}-\\d{2}$"), example = "2026-11") @QueryParam("month") String month) {
        YearMonth chosen;
        try {
            chosen = month == null || month.isBlank() ? YearMonth.now(clock.withZone(WorkingCalendar.ENGLAND))
                    : YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(List.of(new Problem.FieldError("month", "must be a month, yyyy-MM")));
        }
        return PerformanceReport.of(performance.report(chosen));
    }
}
