package org.frontdoor.triage.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventType;
import org.frontdoor.events.Topics;
import org.frontdoor.events.payload.NotificationOutcome;
import org.frontdoor.support.inbox.InboxConsumer;
import org.frontdoor.triage.decision.FeedbackDelivery;

/** What referrers were told and when, for the indicator "referrers told the outcome within target". */
@ApplicationScoped
public class NotificationEventsHandler extends InboxConsumer {

    static final String CONSUMER = "triage-service.notification-events";

    public NotificationEventsHandler() {
        super(CONSUMER, Topics.NOTIFICATION_EVENTS);
    }

    @Inject
    FeedbackDelivery deliveries;

    @Incoming("notification-events")
    @Blocking
    @ActivateRequestContext
    public CompletionStage<Void> onMessages(KafkaRecordBatch<String, String> batch) {
        return process(batch);
    }

    @Override
    public Map<String, Consumer<EventEnvelope>> effects() {
        return Map.of();
    }

    /** A poll's run of reports is recorded in one statement. */
    @Override
    public Map<String, Consumer<List<EventEnvelope>>> batchEffects() {
        return Map.of(
                EventType.NOTIFICATION_SENT.wireName(),
                run -> deliveries.reported(run.stream().map(NotificationOutcome::from).toList(), true),
                EventType.NOTIFICATION_FAILED.wireName(),
                run -> deliveries.reported(run.stream().map(NotificationOutcome::from).toList(), false));
    }
}
