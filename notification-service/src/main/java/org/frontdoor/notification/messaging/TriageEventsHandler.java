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
import org.frontdoor.events.payload.CaseEvent;
import org.frontdoor.events.payload.InformationRequest;
import org.frontdoor.events.payload.StrategyDiscussionHeld;
import org.frontdoor.events.payload.TriageDecided;
import org.frontdoor.notification.domain.NotificationPlanner;
import org.frontdoor.notification.domain.OrganisationMessagePlanner;
import org.frontdoor.support.inbox.InboxConsumer;

/**
 * Decisions and case changes: what the referrer and the partner agencies involved are told; information requests,
 * their chases and strategy discussions' outcomes: what the organisations asked or attending are told.
 */
@ApplicationScoped
public class TriageEventsHandler extends InboxConsumer {

    static final String CONSUMER = "notification-service.triage-events";

    public TriageEventsHandler() {
        super(CONSUMER, Topics.TRIAGE_EVENTS);
    }

    @Inject
    NotificationPlanner planner;

    @Inject
    OrganisationMessagePlanner organisations;

    @Incoming("triage-events")
    @Blocking
    public CompletionStage<Void> onMessages(KafkaRecordBatch<String, String> batch) {
        return process(batch);
    }

    @Override
    public Map<String, Consumer<EventEnvelope>> effects() {
        // triage.queued, case.opened, case.allocated: nothing to tell the referrer, skipped before any SQL
        return Map.of(
                EventType.TRIAGE_DECIDED.wireName(), e -> planner.decided(e, TriageDecided.from(e)),
                EventType.CASE_STEPPED.wireName(), e -> planner.caseChanged(e, CaseEvent.from(e)),
                EventType.CASE_CLOSED.wireName(), e -> planner.caseChanged(e, CaseEvent.from(e)),
                EventType.INFORMATION_REQUESTED.wireName(),
                e -> organisations.informationRequest(e, InformationRequest.from(e)),
                EventType.INFORMATION_CHASED.wireName(),
                e -> organisations.informationRequest(e, InformationRequest.from(e)),
                EventType.STRATEGY_DISCUSSION_HELD.wireName(),
                e -> organisations.strategyDiscussionHeld(e, StrategyDiscussionHeld.from(e)));
    }
}
