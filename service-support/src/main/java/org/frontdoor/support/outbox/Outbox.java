package org.frontdoor.support.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventJson;
import org.frontdoor.events.EventType;

/**
 * Where a service writes the events its state changes cause. The row is written in the
 * caller's transaction (there must be one), so the change and its event commit together or
 * not at all; {@link OutboxRelay} puts it on the broker afterwards.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    OutboxRepository repository;

    @Inject
    OutboxRelay relay;

    /** Records an event of a known type on that type's topic. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(EventEnvelope event) {
        append(topicOf(event), event);
    }

    /** Records an event about no referral (a partner directory change), keyed by its subject. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(EventEnvelope event, String key) {
        EventType type = EventType.fromWireName(event.type())
                .orElseThrow(() -> new IllegalArgumentException("unknown event type " + event.type()));
        repository.insert(event.eventId(), type.topic(), key, event.type(), EventJson.write(event));
        relay.wakeUpAfterCommit();
    }

    /**
     * Records events of known types, each on its type's topic and keyed by its referral, in one statement: what a
     * set-based effect or a change with several events writes.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAll(List<EventEnvelope> events) {
        if (events.isEmpty()) {
            return;
        }
        repository.insertAll(events.stream().map(e -> new OutboxRepository.NewEvent(e.eventId(), topicOf(e), e.key(),
                e.type(), EventJson.write(e))).toList());
        relay.wakeUpAfterCommit();
    }

    private static String topicOf(EventEnvelope event) {
        return EventType.fromWireName(event.type())
                .orElseThrow(() -> new IllegalArgumentException("unknown event type " + event.type())).topic();
    }

    /** Records an event on the given topic. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String topic, EventEnvelope event) {
        repository.insert(event.eventId(), topic, event.key(), event.type(), EventJson.write(event));
        // Publish as soon as the transaction commits rather than at the next poll.
        relay.wakeUpAfterCommit();
    }
}
