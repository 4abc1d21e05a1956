package org.frontdoor.notification.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.frontdoor.notification.delivery.Dispatcher;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.support.calendar.Instants;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.support.problem.ProblemType;
import org.jboss.logging.Logger;

/** Puts a FAILED notification back in the queue, with a fresh retry window and the same webhook-id. */
@ApplicationScoped
public class RetryService {

    private static final Logger LOG = Logger.getLogger(RetryService.class);

    @Inject
    EntityManager em;

    @Inject
    Dispatcher dispatcher;

    @Inject
    AuditLog audit;

    @Inject
    SharingPolicy sharing;

    @Inject
    Clock clock;

    @Transactional
    public Notification retry(UUID id) {
        Notification n = em.find(Notification.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (n == null) {
            throw ProblemException.notFound("Notification " + id);
        }
        if (n.status != NotificationStatus.FAILED) {
            audit.recordRefused("notification.retry.refused", n.referralId, "notification " + id + " is " + n.status);
            throw new ProblemException(ProblemType.CONFLICT, "Only a FAILED notification can be retried; this one is "
                    + n.status);
        }
        Instant now = Instants.now(clock);
        Optional<String> withheld = sharing.withholdReason(n.childId, n.kind);
        if (withheld.isPresent()) {
            // consent was refused or withdrawn since it failed: it is held back, not retried
            n.status = NotificationStatus.WITHHELD_NO_CONSENT;
            n.withheldReason = withheld.get();
            n.nextAttemptAt = null;
            n.clearFollowUp(); // held back by law is not a task
            audit.record("notification.retry.withheld", n.referralId, "notification " + id + " (" + n.kind + ")");
            return n;
        }
        n.status = NotificationStatus.PENDING;
        n.retryWindowStart = now;
        n.nextAttemptAt = now;
        n.clearFollowUp();
        // a fresh start: the webhook first again (e.g. the partner fixed it); attempts count on, so a webhook that
        // still fails falls back to email at its first failure
        n.fallbackReason = null;
        audit.record("notification.retry", n.referralId, "notification " + id + " (" + n.kind + ")");
        LOG.infof("Notification %s (%s, referral %s) put back for delivery by hand", id, n.kind, n.referralId);
        dispatcher.wakeUpAfterCommit();
        return n;
    }
}
