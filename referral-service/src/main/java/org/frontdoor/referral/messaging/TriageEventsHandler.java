package org.frontdoor.referral.messaging;

import java.util.concurrent.CompletionStage;
import org.frontdoor.events.EventType;
import java.util.Map;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.frontdoor.events.payload.CaseEvent;
import org.frontdoor.events.payload.TriageDecided;
import org.frontdoor.events.payload.TriageQueued;
import org.frontdoor.referral.domain.StatusUpdater;
import org.frontdoor.support.inbox.InboxProcessor;

/** Triage's events, applied to the referral status read model. */
@ApplicationScoped
public class TriageEventsHandler {

    static final String CONSUMER = "referral-service.triage-events";

    @Inject
    InboxProcessor processor;

    @Inject
    StatusUpdater status;

    @Incoming("triage-events")
    @Blocking
    public CompletionStage<Void> onMessages(KafkaRecordBatch<String, String> batch) {
        // a type this version does not know yet: nothing to show the referrer
        return processor.process(CONSUMER, batch, Map.of(
                EventType.TRIAGE_QUEUED.wireName(), e -> status.queued(e, e.payloadAs(TriageQueued.class)),
                EventType.TRIAGE_DECIDED.wireName(), e -> status.decided(e, e.payloadAs(TriageDecided.class)),
                EventType.CASE_OPENED.wireName(), e -> status.caseChanged(e, e.payloadAs(CaseEvent.class)),
                EventType.CASE_ALLOCATED.wireName(), e -> status.caseChanged(e, e.payloadAs(CaseEvent.class)),
                EventType.CASE_STEPPED.wireName(), e -> status.caseChanged(e, e.payloadAs(CaseEvent.class)),
                EventType.CASE_CLOSED.wireName(), e -> status.caseChanged(e, e.payloadAs(CaseEvent.class))));
    }
}
