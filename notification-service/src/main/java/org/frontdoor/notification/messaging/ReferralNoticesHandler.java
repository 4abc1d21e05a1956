package org.frontdoor.notification.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.frontdoor.events.payload.ReferralErased;
import org.frontdoor.events.payload.ReferralLogged;
import org.frontdoor.events.payload.SharingConsentRecorded;
import org.frontdoor.notification.domain.NotificationPlanner;
import org.frontdoor.notification.domain.RecordErasure;
import org.frontdoor.support.inbox.InboxProcessor;

/**
 * New referrals: who must be acknowledged, and which outcomes they are owed. Read from {@code referral-notices},
 * never from {@code referral-events}: this service is given the referrer and child references, not the children's
 * names, dates of birth, household or the concern.
 */
@ApplicationScoped
public class ReferralNoticesHandler {

    static final String CONSUMER = "notification-service.referral-notices";

    @Inject
    InboxProcessor processor;

    @Inject
    NotificationPlanner planner;

    @Inject
    RecordErasure erasure;

    @Incoming("referral-notices")
    @Blocking
    public void onMessage(String message) {
        processor.process(CONSUMER, message, event -> {
            switch (event.type()) {
                case "referral.logged" -> planner.received(event, event.payloadAs(ReferralLogged.class));
                case "referral.consent-recorded" -> planner.consentRecorded(event,
                        event.payloadAs(SharingConsentRecorded.class));
                case "referral.erased" -> erasure.erased(event.payloadAs(ReferralErased.class));
                default -> {
                    // nothing else on this topic is owed to anyone
                }
            }
        });
    }
}
