package org.frontdoor.triage.messaging;

import java.util.concurrent.CompletionStage;
import org.frontdoor.events.EventType;
import java.util.Map;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.frontdoor.events.payload.ReferralErased;
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.support.inbox.InboxProcessor;
import org.frontdoor.triage.domain.RecordErasure;
import org.frontdoor.triage.domain.TriageIntake;

/**
 * Referrals from intake become triage items, once each however often the broker delivers them; an erased one
 * (retention) is deleted.
 */
@ApplicationScoped
public class ReferralEventsHandler {

    static final String CONSUMER = "triage-service.referral-events";

    @Inject
    InboxProcessor processor;

    @Inject
    TriageIntake intake;

    @Inject
    RecordErasure erasure;

    @Incoming("referral-events")
    @Blocking
    @ActivateRequestContext
    public CompletionStage<Void> onMessages(KafkaRecordBatch<String, String> batch) {
        return processor.process(CONSUMER, batch, Map.of(
                EventType.REFERRAL_RECEIVED.wireName(), e -> intake.received(e.payloadAs(ReferralReceived.class)),
                EventType.REFERRAL_ERASED.wireName(), e -> erasure.erased(e.payloadAs(ReferralErased.class))));
    }
}
