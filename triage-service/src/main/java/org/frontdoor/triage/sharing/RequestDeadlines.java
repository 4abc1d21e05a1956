package org.frontdoor.triage.sharing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.frontdoor.events.codes.Priority;
import org.frontdoor.support.calendar.WorkingCalendar;
import org.frontdoor.triage.config.InformationRequestsConfig;
import org.frontdoor.triage.config.TriageConfig;
import org.frontdoor.triage.queue.Deadlines;

/**
 * When a partner's answer is due, from the request: RED 4 hours on the wall clock, AMBER 1 working day, GREEN 3
 * (configurable, {@code frontdoor.information-requests.deadline.*}), counted as the contact's own deadlines are
 * (queue/Deadlines: a working-day clock starts when the office is open).
 */
@ApplicationScoped
public class RequestDeadlines {

    private final Deadlines deadlines;

    @Inject
    public RequestDeadlines(WorkingCalendar calendar, TriageConfig triage, InformationRequestsConfig config) {
        this.deadlines = new Deadlines(calendar, triage.officeHours().opens(), triage.officeHours().closes(),
                config.deadline().redHours(), config.deadline().amberWorkingDays(),
                config.deadline().greenWorkingDays());
    }

    public Instant of(Instant requestedAt, Priority urgency) {
        return deadlines.deadline(requestedAt, urgency);
    }
}
