package org.frontdoor.triage.statutory;

import java.time.LocalDate;

/**
 * The days a plan runs: from its start to its end, or on while it has none. Two plans overlap when one starts
 * before the other ends: one may start on the day another ends (a child protection plan ending at the review that
 * steps the child down to a child in need plan).
 */
record PlanPeriod(LocalDate start, LocalDate end) {

    boolean overlaps(PlanPeriod other) {
        return before(start, other.end) && before(other.start, end);
    }

    /** Whether {@code day} falls while the plan runs (after its start, before its end). */
    boolean runsOn(LocalDate day) {
        return !day.isBefore(start) && (end == null || day.isBefore(end));
    }

    /**
     * Whether {@code day} falls inside the plan, its first day apart: a review held the day a CIN plan starts is the
     * one that stepped the child down to it.
     */
    boolean runsThrough(LocalDate day) {
        return day.isAfter(start) && (end == null || day.isBefore(end));
    }

    private static boolean before(LocalDate day, LocalDate end) {
        return end == null || day.isBefore(end);
    }

    String describe() {
        return "from " + start + (end == null ? ", still going on" : " to " + end);
    }
}
