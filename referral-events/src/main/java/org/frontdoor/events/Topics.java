package org.frontdoor.events;

import java.util.List;

/**
 * Kafka topic names shared by every service. The record key is the referral id, except on {@link #PARTNER_EVENTS}
 * (the organisation's id).
 */
public final class Topics {

    public static final String REFERRAL_EVENTS = "referral-events";
    /**
     * What the notification service needs of a referral: referrer and child references, never a child's name, date
     * of birth, household or the concern. Its own topic because Kafka grants reading per topic: a consumer that
     * must not see names is never given {@link #REFERRAL_EVENTS}.
     */
    public static final String REFERRAL_NOTICES = "referral-notices";
    public static final String TRIAGE_EVENTS = "triage-events";
    public static final String NOTIFICATION_EVENTS = "notification-events";
    /**
     * The partner directory's organisations as they now stand, keyed by organisation id and compacted (the latest
     * record per key is kept for ever): triage and intake rebuild their copy from the start and check ids on it.
     */
    public static final String PARTNER_EVENTS = "partner-events";

    /** Suffix of the dead-letter topics that take messages a consumer can never process. */
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    public static final List<String> ALL = List.of(REFERRAL_EVENTS, REFERRAL_NOTICES, TRIAGE_EVENTS,
            NOTIFICATION_EVENTS, PARTNER_EVENTS);

    private Topics() {
    }

    /**
     * The dead-letter topic of one consumer of {@code topic}: {@code <topic>.<consumer group>.dlq}. One per consumer,
     * never shared: a service's Kafka login may write only its own, so it cannot plant a message on a topic another
     * service's ops replay from.
     */
    public static String deadLetterTopic(String topic, String consumerGroup) {
        return topic + "." + consumerGroup + DEAD_LETTER_SUFFIX;
    }
}
