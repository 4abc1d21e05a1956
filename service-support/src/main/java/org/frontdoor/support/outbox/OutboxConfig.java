package org.frontdoor.support.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "frontdoor.outbox")
public interface OutboxConfig {

    /** Whether this instance runs the relay. Several instances may all run it: one publishes at a time. */
    @WithDefault("true")
    boolean relayEnabled();

    /** How long the relay sleeps when there is nothing to send and nobody woke it. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Rows published per transaction. */
    @WithDefault("200")
    int batchSize();

    /** First pause after a failed publication; doubles on each further failure. */
    @WithDefault("500ms")
    Duration initialBackoff();

    @WithDefault("30s")
    Duration maxBackoff();

    /** How long to wait for the broker's acknowledgement of a batch. */
    @WithDefault("10s")
    Duration sendTimeout();

    /**
     * How long the relay's lease lasts unless renewed (each pass renews it). An instance that dies mid-publish holds
     * the others up this long at most; it must exceed the send timeout, or a slow broker could let two publish.
     */
    @WithDefault("20s")
    Duration lease();

    /** Published rows are kept this long for tracing, then deleted. */
    @WithDefault("P7D")
    Duration retention();
}
