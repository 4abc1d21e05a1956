package org.frontdoor.support.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Consumer;
import org.frontdoor.events.EventEnvelope;
import org.frontdoor.events.EventJson;
import org.frontdoor.support.Failures;
import org.jboss.logging.Logger;

/**
 * How every consumer handles a message: read the envelope, then in one transaction record it
 * in the inbox and apply its effect. A message that is not an event, or whose effect fails
 * for good, is thrown back so the connector sends it to the dead-letter topic with the
 * reason. An unreachable database is waited out with backoff instead: dead-lettering an event
 * because of an outage would drop its effect.
 */
@ApplicationScoped
public class InboxProcessor {

    private static final Logger LOG = Logger.getLogger(InboxProcessor.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    @Inject
    Inbox inbox;

    public void process(String consumer, String message, Consumer<EventEnvelope> effect) {
        EventEnvelope event = EventJson.read(message);
        long backoff = 200;
        while (true) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (inbox.firstDelivery(consumer, event)) {
                        effect.accept(event);
                    }
                });
                return;
            } catch (RuntimeException e) {
                if (!Failures.isUnavailable(e)) {
                    throw e;
                }
                LOG.warnf("%s: database unavailable while handling event %s (%s); retrying in %d ms", consumer,
                        event.eventId(), event.type(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
            }
        }
    }
}
