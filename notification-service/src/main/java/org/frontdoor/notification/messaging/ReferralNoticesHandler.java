package org.frontdoor.notification.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventType;
import org.frontdoor.events.Topics;
import org.frontdoor.events.payload.ReferralErased;
import org.frontdoor.events.payload.SharingConsentRecorded;
import org.frontdoor.notification.domain.NotificationPlanner;
import org.frontdoor.notification.domain.RecordErasure;
import org.frontdoor.notification.domain.ReferralsReceived;
import org.frontdoor.support.inbox.InboxConsumer;

/**
 * New referrals: who must be acknowledged, and which outcomes they are owed. Read from {@code referral-notices},
 * never from {@code referral-events}: this service is given the referrer and child references, not the children's
 * names, dates of birth, household or the concern.
 */
@ApplicationScoped
public class ReferralNoticesHandler extends InboxConsumer {

    static final String CONSUMER = "notification-service.referral-notices";

    public ReferralNoticesHandler() {
        super(CONSUMER, Topics.REFERRAL_NOTICES);
    }

    @Inject
    NotificationPlanner planner;

    @Inject
    ReferralsReceived received;

    @Inject
    RecordErasure erasure;

    @Incoming("referral-notices")
    @Blocking
    public CompletionStage<Void> onMessages(KafkaRecordBatch<String, String> batch) {
        return process(batch);
    }

    /** A run of new referrals at once: a few statements whatever its size ({@link ReferralsReceived}). */
    @Override
    public Map<String, Consumer<List<EventEnvelope>>> batchEffects() {
        return Map.of(EventType.REFERRAL_LOGGED.wireName(), received::receivedAll);
    }

    @Override
    public Map<String, Consumer<EventEnvelope>> effects() {
        return Map.of(
                EventType.REFERRAL_CONSENT_RECORDED.wireName(),
                e -> planner.consentRecorded(e, SharingConsentRecorded.from(e)),
                EventType.REFERRAL_ERASED.wireName(), e -> erasure.erased(ReferralErased.from(e)));
    }
}
