package org.frontdoor.referral.messaging;

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
import org.frontdoor.events.payload.ChildMerge;
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

    /** The copy of the MASH's merges of records: rare, one event at a time. */
    @Override
    public Map<String, Consumer<EventEnvelope>> effects() {
        // a type this version does not know yet: nothing to show the referrer
        return Map.of(
                EventType.CHILD_MERGED.wireName(), e -> merges.merged(e, ChildMerge.from(e)),
                EventType.CHILD_UNMERGED.wireName(), e -> merges.unmerged(e, ChildMerge.from(e)));
    }

    /** The status read model: a run of one type in a few statements, whatever its length ({@link StatusUpdater}). */
    @Override
    public Map<String, Consumer<List<EventEnvelope>>> batchEffects() {
        return Map.of(
                EventType.TRIAGE_QUEUED.wireName(), status::queued,
                EventType.TRIAGE_DECIDED.wireName(), status::decided,
                EventType.CASE_OPENED.wireName(), status::caseChanged,
                EventType.CASE_ALLOCATED.wireName(), status::caseChanged,
                EventType.CASE_STEPPED.wireName(), status::caseChanged,
                EventType.CASE_CLOSED.wireName(), status::caseChanged);
    }
}
