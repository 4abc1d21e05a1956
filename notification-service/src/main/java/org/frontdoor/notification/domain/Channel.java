package org.frontdoor.notification.domain;

public enum Channel {
    WEBHOOK,
    EMAIL
}
