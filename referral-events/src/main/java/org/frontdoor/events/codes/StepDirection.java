package org.frontdoor.events.codes;

/**
 * Which way a case moved ({@code direction} of {@code case.stepped}): up to social care, down to the LA's early help,
 * across to a partner's early help.
 */
public enum StepDirection {
    UP, DOWN, ACROSS
}
