package org.frontdoor.triage.messaging;

import java.util.concurrent.CompletionStage;
import org.frontdoor.events.EventType;
import java.util.Map;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
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
    public CompletionStage<Void> onMessages(KafkaRecordBatch<String, String> batch) {
        return processor.process(CONSUMER, batch, Map.of(
                EventType.NOTIFICATION_SENT.wireName(),
                e -> deliveries.reported(e.payloadAs(NotificationOutcome.class), true),
                EventType.NOTIFICATION_FAILED.wireName(),
                e -> deliveries.reported(e.payloadAs(NotificationOutcome.class), false)));
    }
}
