package org.frontdoor.triage.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.support.calendar.Instants;
import org.frontdoor.support.domain.DomainException;

/** The signed-in member of staff's own alerts: listed newest first until read. */
@ApplicationScoped
public class StaffAlerts {

    @Inject
    Actors actors;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Transactional
    public List<StaffAlert> mine(int limit) {
        Actor actor = actors.staff();
        audit.record("staff.alerts", null, "alerts of " + actor.id());
        return StaffAlert.of(actor.id(), limit);
    }

    @Transactional
    public StaffAlert read(long id) {
        StaffAlert alert = StaffAlert.ofStaff(id, actors.staff().id())
                .orElseThrow(() -> DomainException.notFound("Alert " + id));
        alert.read(Instants.now(clock));
        return alert;
    }
}
