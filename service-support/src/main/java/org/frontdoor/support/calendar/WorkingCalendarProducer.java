package org.frontdoor.support.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.LocalDate;
import java.util.List;
import org.jboss.logging.Logger;

@ApplicationScoped
public class WorkingCalendarProducer {

    private static final Logger LOG = Logger.getLogger(WorkingCalendarProducer.class);

    @Produces
    @ApplicationScoped
    WorkingCalendar workingCalendar(CalendarConfig config) {
        WorkingCalendar calendar = WorkingCalendar.englandAndWales(config.extraHolidays().orElse(List.of()));
        if (calendar.coveredUntil().isBefore(LocalDate.now().plusYears(1))) {
            LOG.warnf("The bank holiday list ends on %s: add the next years' dates to"
                    + " calendar/bank-holidays-england-and-wales.txt", calendar.coveredUntil());
        }
        return calendar;
    }
}
