package org.frontdoor.triage.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
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
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.support.inbox.InboxConsumer;
import org.frontdoor.triage.queue.TriageIntake;
import org.frontdoor.triage.retention.RecordErasure;

/**
 * Referrals from intake become triage items, once each however often the broker delivers them; an erased one
 * (retention) is deleted.
 */
@ApplicationScoped
public class ReferralEventsHandler extends InboxConsumer {

    static final String CONSUMER = "triage-service.referral-events";

    public ReferralEventsHandler() {
        super(CONSUMER, Topics.REFERRAL_EVENTS);
    }

    @Inject
    TriageIntake intake;

    @Inject
    RecordErasure erasure;

    @Incoming("referral-events")
    @Blocking
    @ActivateRequestContext
    public CompletionStage<Void> onMessages(KafkaRecordBatch<String, String> batch) {
        return process(batch);
    }

    @Override
    public Map<String, Consumer<EventEnvelope>> effects() {
        return Map.of(EventType.REFERRAL_ERASED.wireName(), e -> erasure.erased(ReferralErased.from(e)));
    }

    /** A poll's run of contacts is queued at once, in a few statements whatever its size. */
    @Override
    public Map<String, Consumer<List<EventEnvelope>>> batchEffects() {
        return Map.of(EventType.REFERRAL_RECEIVED.wireName(),
                run -> intake.received(run.stream().map(ReferralReceived::from).toList()));
    }
}
