package org.frontdoor.notification.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.support.calendar.Instants;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.support.problem.ProblemType;
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
            throw ProblemException.notFound("Notification " + id);
        }
        if (n.status != NotificationStatus.FAILED) {
            audit.recordRefused("notification.informed.refused", n.referralId, "notification " + id + " is "
                    + n.status);
            throw new ProblemException(ProblemType.CONFLICT, "Only a notification on the could-not-inform list (FAILED)"
                    + " can be marked as informed; this one is " + n.status);
        }
        n.status = NotificationStatus.INFORMED_OTHERWISE;
        n.informedAt = Instants.now(clock);
        n.informedHow = how;
        n.informedBy = by;
        n.informedNote = note;
        n.nextAttemptAt = null;
        // the note is free text: kept on the row, never in the audit detail or the log
        audit.record("notification.informed", n.referralId, "notification " + id + " (" + n.kind + ", "
                + n.followUpReason + ") informed by " + how);
        LOG.infof("Notification %s (%s, referral %s): recipient informed by %s", id, n.kind, n.referralId, how);
        return n;
    }
}
