package org.frontdoor.support.inbox;

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

    /** What to do with each event type it handles; any other type is not its business. */
    Map<String, Consumer<EventEnvelope>> effects();
}
