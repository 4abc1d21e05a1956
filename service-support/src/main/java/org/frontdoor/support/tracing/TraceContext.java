package org.frontdoor.support.tracing;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The W3C trace context ({@code traceparent}) as it travels with an event: taken from the span current when the
 * event is written to the outbox, stored with it, put on the Kafka record by the relay, and read back by the
 * consumer, whose span continues the trace. So one trace runs from a partner's request to the webhook that
 * answers it, across the outbox's wait and the broker.
 */
public final class TraceContext {

    /** The Kafka header, named as W3C Trace Context names the HTTP header. */
    public static final String HEADER = "traceparent";

    private TraceContext() {
    }

    /** The current span's {@code traceparent}, or null outside any trace. */
    public static String current() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }

    /** The context a {@code traceparent} names, as the parent of the consumer's span; the root context if none. */
    public static Context fromTraceparent(String traceparent) {
        if (traceparent == null) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of(HEADER, traceparent), MAP);
    }

    /** The {@code traceparent} header of a Kafka record, or null. */
    public static String traceparentOf(Headers headers) {
        Header h = headers == null ? null : headers.lastHeader(HEADER);
        return h == null ? null : new String(h.value(), UTF_8);
    }

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return List.copyOf(carrier.keySet());
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };
}
