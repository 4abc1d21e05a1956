package org.frontdoor.triage.messaging;

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
    public void onMessage(String message) {
        processor.process(CONSUMER, message, event -> {
            switch (event.type()) {
                case "referral.received" -> intake.received(event.payloadAs(ReferralReceived.class));
                case "referral.erased" -> erasure.erased(event.payloadAs(ReferralErased.class));
                default -> {
                    // other types on this topic are not triage's business
                }
            }
        });
    }
}
