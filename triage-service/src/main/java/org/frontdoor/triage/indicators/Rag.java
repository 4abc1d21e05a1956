package org.frontdoor.triage.indicators;

/** Red, amber or green against an indicator's target. */
public enum Rag {
    GREEN, AMBER, RED;

    /**
     * Green on or past the target, amber within the tolerance of it, red beyond; null without a target or a value.
     */
    static Rag of(Double value, Double target, double tolerance, boolean higherIsBetter) {
        if (value == null || target == null) {
            return null;
        }
        double shortfall = higherIsBetter ? target - value : value - target;
        return shortfall <= 0 ? GREEN : shortfall <= tolerance ? AMBER : RED;
    }
}
