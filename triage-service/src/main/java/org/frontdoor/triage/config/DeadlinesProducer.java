package org.frontdoor.triage.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.triage.queue.Deadlines;

@ApplicationScoped
public class DeadlinesProducer {

    @Produces
    @ApplicationScoped
    Deadlines deadlines(WorkingCalendar calendar, TriageConfig config) {
        return new Deadlines(calendar, config.officeHours().opens(), config.officeHours().closes(),
                config.timescales().redHours(), config.timescales().amberWorkingDays(),
                config.timescales().greenWorkingDays());
    }
}
