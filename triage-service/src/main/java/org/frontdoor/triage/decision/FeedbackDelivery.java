package org.frontdoor.triage.decision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.frontdoor.events.payload.NotificationOutcome;

/**
 * What the notification service reports of each message to a referrer (notification.sent, notification.failed),
 * kept for the indicator "referrers told the outcome within target". A later report of the same message (a
 * failure, then a delivery after a retry or a fallback) replaces the earlier one.
 */
@ApplicationScoped
public class FeedbackDelivery {

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void reported(NotificationOutcome outcome, boolean delivered) {
        if (outcome.notificationId() == null || outcome.referralId() == null || outcome.kind() == null) {
            throw new IllegalArgumentException("notification report without its notification, referral or kind");
        }
        em.createNativeQuery("""
                insert into feedback_delivery (notification_id, referral_id, kind, due_by, delivered_at, reported_at)
                values (?1, ?2, ?3, ?4, ?5, ?6)
                on conflict (notification_id) do update set due_by = excluded.due_by,
                    delivered_at = coalesce(feedback_delivery.delivered_at, excluded.delivered_at),
                    reported_at = excluded.reported_at""")
                .setParameter(1, outcome.notificationId()).setParameter(2, outcome.referralId())
                .setParameter(3, outcome.kind()).setParameter(4, outcome.dueBy())
                .setParameter(5, delivered ? outcome.at() : null).setParameter(6, outcome.at())
                .executeUpdate();
    }
}
