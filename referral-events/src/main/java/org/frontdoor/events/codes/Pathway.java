package org.frontdoor.events.codes;

/** Where a child's case sits on the continuum of need: early help (levels 2-3) or children's social care (4). */
public enum Pathway {
    EARLY_HELP, SOCIAL_CARE, NONE
}
