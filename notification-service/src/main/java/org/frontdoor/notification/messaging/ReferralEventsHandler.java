package org.frontdoor.notification.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.frontdoor.events.payload.ReferralReceived;
import org.frontdoor.events.payload.SharingConsentRecorded;
import org.frontdoor.notification.domain.NotificationPlanner;
import org.frontdoor.support.inbox.InboxProcessor;

/** New referrals: who must be acknowledged, and which outcomes they are owed. */
@ApplicationScoped
public class ReferralEventsHandler {

    static final String CONSUMER = "notification-service.referral-events";

    @Inject
    InboxProcessor processor;

    @Inject
    NotificationPlanner planner;

    @Incoming("referral-events")
    @Blocking
    public void onMessage(String message) {
        processor.process(CONSUMER, message, event -> {
            switch (event.type()) {
                case "referral.received" -> planner.received(event, event.payloadAs(ReferralReceived.class));
                case "referral.consent-recorded" -> planner.consentRecorded(event,
                        event.payloadAs(SharingConsentRecorded.class));
                default -> {
                    // nothing else on this topic is owed to anyone
                }
            }
        });
    }
}
