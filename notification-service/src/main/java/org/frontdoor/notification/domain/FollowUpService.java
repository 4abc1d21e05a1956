package org.frontdoor.notification.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.support.calendar.Instants;
import org.frontdoor.support.domain.DomainException;
import org.jboss.logging.Logger;

/**
 * Closes a "could not inform" task: the front door told the recipient by other means. The message is not sent
 * afterwards (the recipient knows), and its deadline is judged by when they were told.
 */
@ApplicationScoped
public class FollowUpService {

    private static final Logger LOG = Logger.getLogger(FollowUpService.class);

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Transactional
    public Notification informed(UUID id, InformedHow how, String note, String by) {
        Notification n = em.find(Notification.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (n == null) {
            throw DomainException.notFound("Notification " + id);
        }
        try {
            n.informedOtherwise(how, note, by, Instants.now(clock));
        } catch (IllegalTransition e) {
            audit.recordRefused("notification.informed.refused", n.referralId, "notification " + id + " is "
                    + n.status);
            throw e;
        }
        // the note is free text: kept on the row, never in the audit detail or the log
        audit.record("notification.informed", n.referralId, "notification " + id + " (" + n.kind + ", "
                + n.followUpReason + ") informed by " + how);
        LOG.infof("Notification %s (%s, referral %s): recipient informed by %s", id, n.kind, n.referralId, how);
        return n;
    }
}
