package org.frontdoor.support.tracing;

/**
 * The correlation ids a log line carries as fields of its JSON (the MDC), beside the trace's own {@code traceId} and
 * {@code spanId}: ids only, never a child's name, date of birth or the concern.
 */
public final class LogFields {

    public static final String REFERRAL_ID = "referralId";
    public static final String EVENT_ID = "eventId";
    public static final String EVENT_TYPE = "eventType";
    public static final String ERROR_ID = "errorId";

    private LogFields() {
    }
}
