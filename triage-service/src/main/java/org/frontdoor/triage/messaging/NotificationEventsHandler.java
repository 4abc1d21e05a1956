package org.frontdoor.triage.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.frontdoor.events.payload.NotificationOutcome;
import org.frontdoor.support.inbox.InboxProcessor;
import org.frontdoor.triage.domain.FeedbackDelivery;

/** What referrers were told and when, for the indicator "referrers told the outcome within target". */
@ApplicationScoped
public class NotificationEventsHandler {

    static final String CONSUMER = "triage-service.notification-events";

    @Inject
    InboxProcessor processor;

    @Inject
    FeedbackDelivery deliveries;

    @Incoming("notification-events")
    @Blocking
    @ActivateRequestContext
    public void onMessage(String message) {
        processor.process(CONSUMER, message, event -> {
            switch (event.type()) {
                case "notification.sent" -> deliveries.reported(event.payloadAs(NotificationOutcome.class), true);
                case "notification.failed" -> deliveries.reported(event.payloadAs(NotificationOutcome.class), false);
                default -> {
                    // nothing else on this topic is triage's business
                }
            }
        });
    }
}
