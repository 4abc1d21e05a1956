package org.frontdoor.support.inbox;

import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;

/**
 * An {@link EventConsumer} that reads its topic through the inbox: its name and topic given once, and the batch
 * handed to the {@link InboxProcessor}. A service's consumer extends it with its {@code @Incoming} method (whose
 * channel is its own) calling {@link #process}, and its {@link #effects()}.
 */
public abstract class InboxConsumer implements EventConsumer {

    private final String name;
    private final String topic;

    @Inject
    protected InboxProcessor processor;

    protected InboxConsumer(String name, String topic) {
        this.name = name;
        this.topic = topic;
    }

    /** Applies a batch of the consumer's channel through the inbox; its acknowledgement once all is done. */
    protected CompletionStage<Void> process(KafkaRecordBatch<String, String> batch) {
        return processor.process(this, batch);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String topic() {
        return topic;
    }
}
