package org.frontdoor.notification.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.frontdoor.notification.config.NotificationConfig;
import org.frontdoor.notification.delivery.Dispatcher;
import org.frontdoor.support.calendar.Instants;
import org.frontdoor.support.calendar.WorkingCalendar;

/**
 * How every planner records a message it plans, written once: the row inserted unless its key exists (so a
 * redelivered event adds nothing), held back when the sharing policy says so (never a message about no child), and
 * the dispatcher woken after commit for one ready to go. How it reaches its recipient (webhook, else email, else a
 * could-not-inform task) is decided when it is sent, the same for all.
 */
@ApplicationScoped
public class PlannedMessages {

    @Inject
    PlanningQueries queries;

    @Inject
    SharingPolicy sharing;

    @Inject
    Dispatcher dispatcher;

    @Inject
    WorkingCalendar calendar;

    @Inject
    NotificationConfig config;

    @Inject
    Clock clock;

    /** Inserts the row unless its key exists, held back if the sharing policy says so; true when it was new. */
    boolean add(PlannedMessage m) {
        Optional<String> withheld = m.status() == NotificationStatus.PENDING
                ? sharing.withholdReason(m.childId(), m.kind()) : Optional.empty();
        NotificationStatus status = withheld.isPresent() ? NotificationStatus.WITHHELD_NO_CONSENT : m.status();
        boolean inserted = queries.insert(m, status, withheld.orElse(null), Instants.now(clock));
        if (inserted && status == NotificationStatus.PENDING) {
            dispatcher.wakeUpAfterCommit();
        }
        return inserted;
    }

    /** When partners are owed word of something that happened to a case at {@code occurredAt}. */
    Instant dueAsCaseChange(Instant occurredAt) {
        return calendar.plusWorkingDays(occurredAt, config.caseChangeWorkingDays());
    }
}
