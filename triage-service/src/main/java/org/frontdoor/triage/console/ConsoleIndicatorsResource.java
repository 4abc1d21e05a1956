package org.frontdoor.triage.console;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.support.security.Roles;
import org.frontdoor.triage.indicators.PerformanceIndicators;

/** The team manager's page of the partnership's indicators for a month (this month, or one chosen as yyyy-MM). */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@CsrfChecked
@RolesAllowed(Roles.TEAM_MANAGER)
public class ConsoleIndicatorsResource {


    @Inject
    PerformanceIndicators indicators;

    @Inject
    IndicatorViews views;

    @Inject
    ConsolePages pages;

    @Inject
    Clock clock;

    @GET
    @Path("/indicators")
    public Response indicators(@QueryParam("month") String month) {
        YearMonth chosen;
        try {
            chosen = month == null || month.isBlank() ? thisMonth() : YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            chosen = thisMonth();
        }
        IndicatorViews.Indicators view = views.indicators(indicators.report(chosen));
        return pages.show("How the front door is doing", null, t -> ConsoleTemplates.indicators(t, view));
    }

    private YearMonth thisMonth() {
        return YearMonth.now(clock.withZone(WorkingCalendar.ENGLAND));
    }
}
