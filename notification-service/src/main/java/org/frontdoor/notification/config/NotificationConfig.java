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

    /**
     * The address partners' systems reach the front door's API at (e.g. {@code https://frontdoor.council.example}):
     * an information request's link (a path in triage's event) is made absolute with it. Unset: the link is sent as
     * the path triage gave.
     */
    Optional<String> publicApiUrl();

    /**
     * Load the demo partner organisations ({@code demo/partners.sql}) at start-up: the local run
     * ({@code FRONTDOOR_NOTIFICATION_DEMO_PARTNERS=true}), dev mode and the tests. Never in production.
     */
    @WithDefault("false")
    boolean demoPartners();

    /**
     * The key that encrypts partners' webhook secrets at rest (AES-256-GCM): base64 of 32 random bytes, from the
     * environment ({@code FRONTDOOR_NOTIFICATION_SECRET_KEY}) or a Kubernetes Secret. Required: the service does
     * not start without it (dev and test profiles set a fixed development key).
     */
    Optional<String> secretKey();

    /**
     * Older keys of the webhook-secret key ring (base64, comma-separated), from the environment
     * ({@code FRONTDOOR_NOTIFICATION_PREVIOUS_SECRET_KEYS}) or a Kubernetes Secret: they decrypt what they encrypted,
     * never encrypt. After a rotation the old key goes here until the re-encryption
     * ({@code POST /api/v1/ops/webhook-secrets/re-encryptions}) has moved every secret to the current key.
     */
    Optional<List<String>> previousSecretKeys();

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
         * The local-run exception, for local runs and tests only (localhost, 127.0.0.1); unset in production.
         * A callback to one of these hosts may use plain http and may reach a loopback or private address;
         * every other callback must be https and resolve only to public addresses ({@code CallbackAddressGuard}).
         */
        Optional<List<String>> allowHttpHosts();

        /** After a partner changes its secret, the old one still signs (a second signature) for this long. */
        @WithDefault("24h")
        Duration secretOverlap();

        /**
         * After this many failed attempts (over the message's life), or at the end of its retry window if sooner, a
         * webhook message to a recipient with a known email address is sent by email instead, with a retry window
         * of its own. 8 attempts is about half an hour at the default backoff.
         */
        @WithDefault("8")
        int fallbackToEmailAfter();

        /** The longest overlap a partner may ask for with {@code previousSecretValidUntil}. */
        @WithDefault("7d")
        Duration maxSecretOverlap();
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

        /** Deliveries in flight at once on this instance (the size of the delivery pool). */
        @WithDefault("8")
        int concurrency();

        /**
         * Deliveries in flight at once to one recipient (organisation or email address) on this instance, so a
         * slow or dead endpoint holds at most this many of the pool's threads and delays only its own messages.
         */
        @WithDefault("2")
        int perRecipient();
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
