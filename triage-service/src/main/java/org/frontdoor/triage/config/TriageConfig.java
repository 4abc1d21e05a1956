package org.frontdoor.triage.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;

/** Local choices of triage (domain.md: where a rule is local, it is configuration). */
@ConfigMapping(prefix = "frontdoor.triage")
public interface TriageConfig {

    /**
     * A threshold rules file on disk that replaces the built-in {@code triage/threshold-rules.json}
     * (same format): the partnership's own levels and outcome mapping.
     */
    Optional<String> rulesLocation();

    Timescales timescales();

    OfficeHours officeHours();

    Caseload caseload();

    Allocation allocation();

    Approval approval();

    Returns returns();

    Console console();

    /**
     * The partnership's indicators' targets by indicator code (e.g. {@code indicators."re-referrals".target=22}); an
     * indicator without one is reported without a RAG.
     */
    Map<String, Target> indicators();

    /** How often the indicators' Prometheus gauges are worked out again. */
    @WithDefault("5m")
    Duration indicatorsRefresh();

    /**
     * Load the demo staff (whose subjects are the development tokens') at start-up: the local run,
     * the tests and dev mode only. Never in production, where the directory starts empty.
     */
    @WithDefault("false")
    boolean demoStaff();

    /** A referral within this many months of an earlier referral of the same child is a re-referral. */
    @WithDefault("12")
    int reReferralMonths();

    interface Timescales {
        /** Red (immediate risk): hours from receipt, on the wall clock. */
        @WithDefault("4")
        int redHours();

        /** Amber (social care screening: suggested level 4, or an open social care case): working days. */
        @WithDefault("1")
        int amberWorkingDays();

        /** Green (early help screening: suggested levels 1-3): working days from receipt. */
        @WithDefault("3")
        int greenWorkingDays();
    }

    /**
     * The front door's opening hours on a working day. An amber or green referral that arrives
     * outside them starts its clock when the office next opens; a red one does not wait.
     */
    interface OfficeHours {
        @WithDefault("09:00")
        LocalTime opens();

        @WithDefault("17:00")
        LocalTime closes();
    }

    interface Caseload {
        /** From this many open cases a worker is inside the recommended band: allocation warns. */
        @WithDefault("13")
        int warnFrom();

        /**
         * Above this many a worker is not allocated more unless a team manager gives a reason; a
         * worker's own limit in the staff directory replaces it.
         */
        @WithDefault("16")
        int max();
    }

    /** A case no worker of its pathway has room for waits for a manager's allocation, due within: */
    interface Allocation {
        @WithDefault("1")
        int socialCareWorkingDays();

        @WithDefault("3")
        int earlyHelpWorkingDays();
    }

    /**
     * Which decisions wait for a team manager's approval (never the decider's own) before they take
     * effect: an outcome below social care on a contact with immediate risk, or whose suggested level
     * is at least {@code fromSuggestedLevel}.
     */
    interface Approval {
        @WithDefault("true")
        boolean onImmediateRisk();

        @WithDefault("4")
        int fromSuggestedLevel();

        /**
         * A case opened from an immediate-risk contact is closed or stepped within this many working days of its
         * opening only with a second manager's approval (never the one who asked).
         */
        @WithDefault("10")
        int caseChangeWorkingDays();
    }

    /** The MASH console's view of what another service owns. */
    interface Console {
        /**
         * The notification service's base URL: the console shows its overdue-feedback and could-not-inform lists,
         * and closes a task there, calling its API with the signed-in person's own access token.
         */
        @WithDefault("http://localhost:8083")
        java.net.URI notificationServiceUrl();

        /** How long a page waits for the notification service before saying it is not answering. */
        @WithDefault("5s")
        Duration notificationServiceTimeout();

        /**
         * The referral service's base URL: the front door officer logs a contact there ({@code POST
         * /api/v1/referrals}) and follows up their own, with their own access token, as a partner's system would.
         */
        @WithDefault("http://localhost:8081")
        java.net.URI referralServiceUrl();

        /** How long the console waits for the referral service before saying it is not answering. */
        @WithDefault("10s")
        Duration referralServiceTimeout();

        /**
         * Whether browsers reach the console over https (behind the TLS ingress): its cookies are then Secure, and
         * the start fails unless the identity provider's URL is https. Off only where the console is served over
         * plain http on a laptop (dev mode, the tests, {@code ./pipeline}, Docker Compose), where a browser would
         * not send a Secure cookie back.
         */
        @WithDefault("true")
        boolean https();

        /**
         * The one host name people reach the console by, where it may be reached by others too: a page asked for on
         * another (127.0.0.1 for localhost) is sent to this one before sign-in starts, since the sign-in's cookies
         * belong to one host name and the identity provider's return to another would find none and start again.
         * Set where the console is served on a laptop (dev mode, the tests, {@code ./pipeline}: localhost); behind
         * the ingress, which routes the council's one host name, it is not needed.
         */
        Optional<String> hostName();
    }

    /** The statutory returns and their timescales (issue 14; returns.md). */
    interface Returns {
        /** The local authority's 3-digit DfE code, in the census header. */
        String laCode();

        /** The software named in the census header. */
        @WithDefault("FrontDoor")
        String softwareCode();

        /** An s17 assessment is due this many working days after the referral. */
        @WithDefault("45")
        int assessmentWorkingDays();

        /** The initial child protection conference is due this many working days after the strategy discussion. */
        @WithDefault("15")
        int icpcWorkingDays();

        /** The team named in Annex A's "Allocated Team" for each pathway's workers. */
        @WithDefault("Children's social care")
        String socialCareTeam();

        @WithDefault("Early help")
        String earlyHelpTeam();
    }

    interface Target {
        /** In the indicator's unit: a percentage (0-100), a count or a number. */
        Optional<Double> target();

        /** How far short of the target is still amber, in the same unit; beyond it, red. */
        @WithDefault("0")
        double tolerance();
    }
}
