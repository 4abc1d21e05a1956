package org.frontdoor.events.codes;

public enum Channel {
    WEBHOOK,
    EMAIL
}
