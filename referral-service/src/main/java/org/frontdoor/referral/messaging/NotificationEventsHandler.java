package org.frontdoor.referral.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.frontdoor.events.payload.NotificationOutcome;
import org.frontdoor.referral.domain.StatusUpdater;
import org.frontdoor.support.inbox.InboxProcessor;

/** What the referrer was told and when, from the notification service's events. */
@ApplicationScoped
public class NotificationEventsHandler {

    static final String CONSUMER = "referral-service.notification-events";

    @Inject
    InboxProcessor processor;

    @Inject
    StatusUpdater status;

    @Incoming("notification-events")
    @Blocking
    public void onMessage(String message) {
        processor.process(CONSUMER, message, event -> {
            if (event.type().startsWith("notification.")) {
                status.notified(event, event.payloadAs(NotificationOutcome.class));
            }
        });
    }
}
