package org.frontdoor.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Local choices of feedback and delivery (domain.md: where a rule is local, it is configuration).
 * Working days exclude weekends and English bank holidays.
 */
@ConfigMapping(prefix = "frontdoor.notification")
public interface NotificationConfig {

    /** Working days to acknowledge a referral, when the event does not carry its due time. */
    @WithDefault("1")
    int acknowledgementWorkingDays();

    /** Working days to tell partner agencies that a case stepped up/down or closed. */
    @WithDefault("1")
    int caseChangeWorkingDays();

    /** An undelivered message is "at risk" this many working days before it is due. */
    @WithDefault("1")
    int atRiskWorkingDays();

    Outcome outcome();

    Retry retry();

    Webhook webhook();

    Dispatcher dispatcher();

    Contact contact();

    /** When the referrer must hear the outcome, counted from the referral's receipt. */
    interface Outcome {

        /** For any source without its own entry. */
        @WithDefault("7")
        int targetWorkingDays();

        @WithDefault("10")
        int latestWorkingDays();

        /** Per referral source code (e.g. "2A" schools), overriding the defaults. */
        @WithName("by-source")
        Map<String, SourceDeadline> bySource();
    }

    interface SourceDeadline {
        int targetWorkingDays();

        Optional<Integer> latestWorkingDays();
    }

    /** Exponential backoff: initialDelay, doubled per failed attempt up to maxDelay; FAILED after giveUpAfter. */
    interface Retry {
        @WithDefault("30s")
        Duration initialDelay();

        @WithDefault("1h")
        Duration maxDelay();

        @WithDefault("24h")
        Duration giveUpAfter();
    }

    interface Webhook {
        @WithDefault("3s")
        Duration connectTimeout();

        /** How long to wait for the partner's answer. */
        @WithDefault("10s")
        Duration requestTimeout();

        /**
         * Hosts a callback may reach over plain http (local runs and tests: localhost, 127.0.0.1).
         * Every other callback must be https.
         */
        Optional<List<String>> allowHttpHosts();
    }

    interface Dispatcher {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("1s")
        Duration pollInterval();

        @WithDefault("20")
        int batchSize();

        /** A claimed message not finished within this time (the instance died) is tried again. */
        @WithDefault("2m")
        Duration lease();
    }

    /** Who the referrer can call about a message: named in every message. */
    interface Contact {
        @WithDefault("Children's Front Door (MASH)")
        String name();

        @WithDefault("frontdoor@council.example")
        String email();

        @WithDefault("01632 960999")
        String phone();
    }
}
