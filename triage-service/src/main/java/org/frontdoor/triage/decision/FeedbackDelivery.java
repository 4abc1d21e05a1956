package org.frontdoor.triage.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.frontdoor.events.EventJson;
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

    /** One message's row: its first report's referral and kind, its last report's due time and time. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Row(UUID notificationId, UUID referralId, String kind, Instant dueBy, Instant deliveredAt,
            Instant reportedAt) {
    }

    /**
     * Records a run of reports, all delivered or all failed, in one statement. Reports of the same message are
     * folded first, as one after another would leave it (a statement cannot change a row twice): the first delivery
     * stays the delivery time.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reported(List<NotificationOutcome> outcomes, boolean delivered) {
        Map<UUID, Row> rows = new LinkedHashMap<>();
        for (NotificationOutcome o : outcomes) {
            if (o.notificationId() == null || o.referralId() == null || o.kind() == null) {
                throw new IllegalArgumentException("notification report without its notification, referral or kind");
            }
            Row row = new Row(o.notificationId(), o.referralId(), o.kind(), o.dueBy(), delivered ? o.at() : null,
                    o.at());
            rows.merge(o.notificationId(), row, (first, later) -> new Row(first.notificationId(), first.referralId(),
                    first.kind(), later.dueBy(), first.deliveredAt() != null ? first.deliveredAt()
                            : later.deliveredAt(), later.reportedAt()));
        }
        String json;
        try {
            json = EventJson.mapper().writeValueAsString(rows.values());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notification reports not written as JSON", e);
        }
        em.createNativeQuery("""
                insert into feedback_delivery (notification_id, referral_id, kind, due_by, delivered_at, reported_at)
                select notification_id, referral_id, kind, due_by, delivered_at, reported_at
                from jsonb_to_recordset(cast(?1 as jsonb)) as x(notification_id uuid, referral_id uuid, kind text,
                    due_by timestamptz, delivered_at timestamptz, reported_at timestamptz)
                on conflict (notification_id) do update set due_by = excluded.due_by,
                    delivered_at = coalesce(feedback_delivery.delivered_at, excluded.delivered_at),
                    reported_at = excluded.reported_at""")
                .setParameter(1, json).executeUpdate();
    }
}
