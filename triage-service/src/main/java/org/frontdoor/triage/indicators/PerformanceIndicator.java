package org.frontdoor.triage.indicators;

/**
 * The partnership's indicators (issue 14), each with whether more is better, so that its target gives a RAG. The
 * targets are configuration ({@code frontdoor.triage.indicators."<code>".target}, {@code .tolerance}).
 */
public enum PerformanceIndicator {
    CONTACTS("contacts", "Contacts received (one per child)", Unit.COUNT, Direction.NONE),
    REFERRALS("referrals", "Referrals: contacts that became statutory assessments or s47 enquiries", Unit.COUNT,
            Direction.NONE),
    EARLY_HELP_STEP_UP("early-help-step-up", "Early help cases opened that stepped up to social care", Unit.PERCENT,
            Direction.LOWER_IS_BETTER),
    DECIDED_WITHIN_ONE_WORKING_DAY("decided-within-one-working-day", "Contacts decided within 1 working day",
            Unit.PERCENT, Direction.HIGHER_IS_BETTER),
    OUTCOME_TOLD_ON_TIME("outcome-told-on-time", "Referrers told the outcome within target", Unit.PERCENT,
            Direction.HIGHER_IS_BETTER),
    RE_REFERRALS("re-referrals", "Re-referrals within 12 months of an earlier referral", Unit.PERCENT,
            Direction.LOWER_IS_BETTER),
    OPEN_EARLY_HELP_PLANS("open-early-help-plans", "Open early help plans (cases), now", Unit.COUNT,
            Direction.NONE),
    ASSESSMENTS_WITHIN_45_DAYS("assessments-within-45-days", "Assessments authorised within 45 working days of the"
            + " referral", Unit.PERCENT, Direction.HIGHER_IS_BETTER),
    ICPCS_WITHIN_15_DAYS("icpcs-within-15-days", "Initial child protection conferences within 15 working days of"
            + " the strategy discussion", Unit.PERCENT, Direction.HIGHER_IS_BETTER),
    CASELOAD_PER_WORKER("caseload-per-worker", "Open cases per lead worker, now", Unit.NUMBER,
            Direction.LOWER_IS_BETTER),
    PARTNER_RESPONSES_IN_TIME("partner-responses-in-time", "Partner responses within time: information requests"
            + " answered (or with no trace, or declined) by their deadline, of those due", Unit.PERCENT,
            Direction.HIGHER_IS_BETTER);

    public enum Unit {
        COUNT, PERCENT, NUMBER
    }

    public enum Direction {
        HIGHER_IS_BETTER, LOWER_IS_BETTER,
        /** A figure to watch, not to meet: RAG only when a target is configured (then as LOWER_IS_BETTER). */
        NONE
    }

    private final String code;
    private final String title;
    private final Unit unit;
    private final Direction direction;

    PerformanceIndicator(String code, String title, Unit unit, Direction direction) {
        this.code = code;
        this.title = title;
        this.unit = unit;
        this.direction = direction;
    }

    /** Its key in configuration and its label on the Prometheus gauges. */
    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public Unit unit() {
        return unit;
    }

    public Direction direction() {
        return direction;
    }
}
