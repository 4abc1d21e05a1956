package org.frontdoor.referral.messaging;

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
    public void onMessage(String message) {
        processor.process(CONSUMER, message, event -> {
            switch (event.type()) {
                case "triage.queued" -> status.queued(event, event.payloadAs(TriageQueued.class));
                case "triage.decided" -> status.decided(event, event.payloadAs(TriageDecided.class));
                case "case.opened", "case.allocated", "case.stepped", "case.closed" ->
                        status.caseChanged(event, event.payloadAs(CaseEvent.class));
                default -> {
                    // a type this version does not know yet: nothing to show the referrer
                }
            }
        });
    }
}
