package org.frontdoor.referral.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventType;
import org.frontdoor.events.Topics;
import org.frontdoor.referral.domain.StatusUpdater;
import org.frontdoor.support.inbox.InboxConsumer;

/** What the referrer was told and when, from the notification service's events. */
@ApplicationScoped
public class NotificationEventsHandler extends InboxConsumer {

    static final String CONSUMER = "referral-service.notification-events";

    public NotificationEventsHandler() {
        super(CONSUMER, Topics.NOTIFICATION_EVENTS);
    }

    @Inject
    StatusUpdater status;

    @Incoming("notification-events")
    @Blocking
    public CompletionStage<Void> onMessages(KafkaRecordBatch<String, String> batch) {
        return process(batch);
    }

    @Override
    public Map<String, Consumer<EventEnvelope>> effects() {
        return Map.of();
    }

    /** A run of messages sent (or failed): their timeline entries in one insert. */
    @Override
    public Map<String, Consumer<List<EventEnvelope>>> batchEffects() {
        return Map.of(
                EventType.NOTIFICATION_SENT.wireName(), status::notified,
                EventType.NOTIFICATION_FAILED.wireName(), status::notified);
    }
}
