package org.frontdoor.support.inbox;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.frontdoor.events.EventEnvelope;

/**
 * A consumer of one topic through the inbox ({@link InboxProcessor}): its name in the inbox, the topic it reads, and
 * what each event type it handles does. Ops replay a dead letter through the same consumer ({@link DeadLetterService}).
 */
public interface EventConsumer {

    /** Its name in the inbox: an event is applied once per consumer. */
    String name();

    /** The topic its channel reads (the channel's {@code topic} property says the same). */
    String topic();

    /** What to do with each event type it handles one event at a time; any other type is not its business. */
    Map<String, Consumer<EventEnvelope>> effects();

    /**
     * Event types handled set-based: the effect takes every event of a run of that type (consecutive in the poll,
     * first deliveries only, in order) and applies them in a few statements instead of a few per event. A type is
     * in this map or in {@link #effects()}, not both.
     */
    default Map<String, Consumer<List<EventEnvelope>>> batchEffects() {
        return Map.of();
    }

    /** Whether it handles {@code type} at all. */
    default boolean handles(String type) {
        return effects().containsKey(type) || batchEffects().containsKey(type);
    }
}
