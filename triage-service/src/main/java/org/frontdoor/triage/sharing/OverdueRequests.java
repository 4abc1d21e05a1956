package org.frontdoor.triage.sharing;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventType;
import org.frontdoor.support.calendar.Instants;
import org.frontdoor.support.outbox.Outbox;
import org.frontdoor.triage.queue.HistoryEntry;
import org.jboss.logging.Logger;

/**
 * Chasing: every {@code frontdoor.information-requests.sweep-every}, the requests still unanswered past their
 * deadline turn OVERDUE and their organisations are reminded ({@code information.chased}, the second message), all
 * in one transaction. A sweep finds only requests still REQUESTED, so running it again (or on two replicas at once)
 * chases nobody twice.
 */
@ApplicationScoped
public class OverdueRequests {

    private static final Logger LOG = Logger.getLogger(OverdueRequests.class);

    @Inject
    InformationRequestQueries queries;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Scheduled(identity = "information-requests-overdue", every = "${frontdoor.information-requests.sweep-every:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            sweep(Instants.now(clock));
        } catch (RuntimeException e) {
            // the next sweep tries again; the database may be away
            LOG.warnf("Information requests: the overdue sweep failed (%s)", e.getClass().getSimpleName());
        }
    }

    /** Marks the requests past their deadline at {@code now} overdue and chases each once; how many. */
    @Transactional
    public int sweep(Instant now) {
        List<InformationRequestQueries.Chased> chased = queries.markOverdue(now);
        for (InformationRequestQueries.Chased c : chased) {
            outbox.append(EventEnvelope.of(EventType.INFORMATION_CHASED, c.referralId(),
                    new org.frontdoor.events.payload.InformationRequest(c.id(), c.referralId(), c.organisationId(),
                            c.urgency().name(), c.deadline(), InformationRequests.PATH + c.id(), now)));
            HistoryEntry.add(c.triageItemId(), now, "system", "INFORMATION_OVERDUE", c.organisationId()
                    + ", due " + c.deadline() + ": chased");
        }
        if (!chased.isEmpty()) {
            LOG.infof("Information requests: %d overdue, chased", chased.size());
        }
        return chased.size();
    }
}
