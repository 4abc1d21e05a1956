package org.frontdoor.referral.messaging;

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
import org.frontdoor.events.payload.NotificationOutcome;
import org.frontdoor.referral.domain.StatusUpdater;
import org.frontdoor.support.inbox.EventConsumer;
import org.frontdoor.support.inbox.InboxProcessor;

/** What the referrer was told and when, from the notification service's events. */
@ApplicationScoped
public class NotificationEventsHandler implements EventConsumer {

    static final String CONSUMER = "referral-service.notification-events";

    @Inject
    InboxProcessor processor;

    @Inject
    StatusUpdater status;

    @Incoming("notification-events")
    @Blocking
    public CompletionStage<Void> onMessages(KafkaRecordBatch<String, String> batch) {
        return processor.process(this, batch);
    }

    @Override
    public String name() {
        return CONSUMER;
    }

    @Override
    public String topic() {
        return Topics.NOTIFICATION_EVENTS;
    }

    @Override
    public Map<String, Consumer<EventEnvelope>> effects() {
        return Map.of(
                EventType.NOTIFICATION_SENT.wireName(), e -> status.notified(e, e.payloadAs(NotificationOutcome.class)),
                EventType.NOTIFICATION_FAILED.wireName(),
                e -> status.notified(e, e.payloadAs(NotificationOutcome.class)));
    }
}
