package org.frontdoor.notification.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.frontdoor.events.payload.CaseEvent;
import org.frontdoor.events.payload.TriageDecided;
import org.frontdoor.notification.domain.NotificationPlanner;
import org.frontdoor.support.inbox.InboxProcessor;

/** Decisions and case changes: what the referrer and the partner agencies involved are told. */
@ApplicationScoped
public class TriageEventsHandler {

    static final String CONSUMER = "notification-service.triage-events";

    @Inject
    InboxProcessor processor;

    @Inject
    NotificationPlanner planner;

    @Incoming("triage-events")
    @Blocking
    public void onMessage(String message) {
        processor.process(CONSUMER, message, event -> {
            switch (event.type()) {
                case "triage.decided" -> planner.decided(event, event.payloadAs(TriageDecided.class));
                case "case.stepped", "case.closed" -> planner.caseChanged(event, event.payloadAs(CaseEvent.class));
                default -> {
                    // triage.queued, case.opened, case.allocated: nothing to tell the referrer
                }
            }
        });
    }
}
