package org.frontdoor.referral.messaging;

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
import org.frontdoor.events.payload.CaseEvent;
import org.frontdoor.events.payload.ChildMerge;
import org.frontdoor.events.payload.TriageDecided;
import org.frontdoor.events.payload.TriageQueued;
import org.frontdoor.referral.domain.KnownChildMerges;
import org.frontdoor.referral.domain.StatusUpdater;
import org.frontdoor.support.inbox.InboxConsumer;

/** Triage's events, applied to the referral status read model and to the copy of the MASH's merges of records. */
@ApplicationScoped
public class TriageEventsHandler extends InboxConsumer {

    static final String CONSUMER = "referral-service.triage-events";

    public TriageEventsHandler() {
        super(CONSUMER, Topics.TRIAGE_EVENTS);
    }

    @Inject
    StatusUpdater status;

    @Inject
    KnownChildMerges merges;

    @Incoming("triage-events")
    @Blocking
    public CompletionStage<Void> onMessages(KafkaRecordBatch<String, String> batch) {
        return process(batch);
    }

    @Override
    public Map<String, Consumer<EventEnvelope>> effects() {
        // a type this version does not know yet: nothing to show the referrer
        return Map.of(
                EventType.TRIAGE_QUEUED.wireName(), e -> status.queued(e, TriageQueued.from(e)),
                EventType.TRIAGE_DECIDED.wireName(), e -> status.decided(e, TriageDecided.from(e)),
                EventType.CASE_OPENED.wireName(), e -> status.caseChanged(e, CaseEvent.from(e)),
                EventType.CASE_ALLOCATED.wireName(), e -> status.caseChanged(e, CaseEvent.from(e)),
                EventType.CASE_STEPPED.wireName(), e -> status.caseChanged(e, CaseEvent.from(e)),
                EventType.CASE_CLOSED.wireName(), e -> status.caseChanged(e, CaseEvent.from(e)),
                EventType.CHILD_MERGED.wireName(), e -> merges.merged(e, ChildMerge.from(e)),
                EventType.CHILD_UNMERGED.wireName(), e -> merges.unmerged(e, ChildMerge.from(e)));
    }
}
