package org.frontdoor.referral.messaging;

import java.util.concurrent.CompletionStage;
import org.frontdoor.events.EventType;
import java.util.Map;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
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
    public CompletionStage<Void> onMessages(KafkaRecordBatch<String, String> batch) {
        return processor.process(CONSUMER, batch, Map.of(
                EventType.NOTIFICATION_SENT.wireName(), e -> status.notified(e, e.payloadAs(NotificationOutcome.class)),
                EventType.NOTIFICATION_FAILED.wireName(),
                e -> status.notified(e, e.payloadAs(NotificationOutcome.class))));
    }
}
