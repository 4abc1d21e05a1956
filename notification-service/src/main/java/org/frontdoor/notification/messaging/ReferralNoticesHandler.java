package org.frontdoor.notification.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventType;
import org.frontdoor.events.Topics;
import org.frontdoor.events.payload.ReferralErased;
import org.frontdoor.events.payload.ReferralLogged;
import org.frontdoor.events.payload.SharingConsentRecorded;
import org.frontdoor.notification.domain.NotificationPlanner;
import org.frontdoor.notification.domain.RecordErasure;
import org.frontdoor.support.inbox.EventConsumer;
import org.frontdoor.support.inbox.InboxProcessor;

/**
 * New referrals: who must be acknowledged, and which outcomes they are owed. Read from {@code referral-notices},
 * never from {@code referral-events}: this service is given the referrer and child references, not the children's
 * names, dates of birth, household or the concern.
 */
@ApplicationScoped
public class ReferralNoticesHandler implements EventConsumer {

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
        return processor.process(this, batch);
    }

    @Override
    public String name() {
        return CONSUMER;
    }

    @Override
    public String topic() {
        return Topics.REFERRAL_NOTICES;
    }

    @Override
    public Map<String, Consumer<EventEnvelope>> effects() {
        return Map.of(
                EventType.REFERRAL_LOGGED.wireName(), e -> planner.received(e, e.payloadAs(ReferralLogged.class)),
                EventType.REFERRAL_CONSENT_RECORDED.wireName(),
                e -> planner.consentRecorded(e, e.payloadAs(SharingConsentRecorded.class)),
                EventType.REFERRAL_ERASED.wireName(), e -> erasure.erased(e.payloadAs(ReferralErased.class)));
    }
}
