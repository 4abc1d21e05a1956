package org.frontdoor.notification.messaging;

import java.util.concurrent.CompletionStage;
import org.frontdoor.events.EventType;
import java.util.Map;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.frontdoor.events.payload.ReferralErased;
import org.frontdoor.events.payload.ReferralLogged;
import org.frontdoor.events.payload.SharingConsentRecorded;
import org.frontdoor.notification.domain.NotificationPlanner;
import org.frontdoor.notification.domain.RecordErasure;
import org.frontdoor.support.inbox.InboxProcessor;

/**
 * New referrals: who must be acknowledged, and which outcomes they are owed. Read from {@code referral-notices},
 * never from {@code referral-events}: this service is given the referrer and child references, not the children's
 * names, dates of birth, household or the concern.
 */
@ApplicationScoped
public class ReferralNoticesHandler {

    static final String CONSUMER = "notification-service.referral-notices";

    @Inject
    InboxProcessor processor;

    @Inject
    NotificationPlanner planner;

    @Inject
    RecordErasure erasure;

    @Incoming("referral-notices")
    @Blocking
    public CompletionStage<Void> onMessages(KafkaRecordBatch<String, String> batch) {
        return processor.process(CONSUMER, batch, Map.of(
                EventType.REFERRAL_LOGGED.wireName(), e -> planner.received(e, e.payloadAs(ReferralLogged.class)),
                EventType.REFERRAL_CONSENT_RECORDED.wireName(),
                e -> planner.consentRecorded(e, e.payloadAs(SharingConsentRecorded.class)),
                EventType.REFERRAL_ERASED.wireName(), e -> erasure.erased(e.payloadAs(ReferralErased.class))));
    }
}
