package org.frontdoor.notification.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;
import org.frontdoor.notification.delivery.Dispatcher;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.support.calendar.Instants;
import org.frontdoor.support.domain.DomainException;
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
            throw DomainException.notFound("Notification " + id);
        }
        boolean queued;
        try {
            // consent refused or withdrawn since it failed: held back, not retried
            queued = n.retried(Instants.now(clock), () -> sharing.withholdReason(n.childId, n.kind));
        } catch (IllegalTransition e) {
            audit.recordRefused("notification.retry.refused", n.referralId, "notification " + id + " is " + n.status);
            throw e;
        }
        if (!queued) {
            audit.record("notification.retry.withheld", n.referralId, "notification " + id + " (" + n.kind + ")");
            return n;
        }
        audit.record("notification.retry", n.referralId, "notification " + id + " (" + n.kind + ")");
        LOG.infof("Notification %s (%s, referral %s) put back for delivery by hand", id, n.kind, n.referralId);
        dispatcher.wakeUpAfterCommit();
        return n;
    }
}
