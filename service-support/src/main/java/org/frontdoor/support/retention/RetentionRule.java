package org.frontdoor.support.retention;

import java.time.Duration;
import java.time.Instant;

/**
 * One kind of record a service keeps for a limited time. A service declares its rules as CDI beans;
 * {@link RetentionJob} runs each in its own transaction. The period comes from
 * {@code frontdoor.retention.keep."<kind>"}, else the rule's default.
 */
public interface RetentionRule {

    /** The kind of record, as named in docs/retention.md and in config, e.g. {@code inbox-events}. */
    String kind();

    /** How long it is kept when the configuration does not say. */
    Duration defaultPeriod();

    /** Deletes (or anonymises) what is older than {@code cutoff}; returns how many records it changed. */
    int prune(Instant cutoff);
}
