package org.frontdoor.notification.domain;

/** How the front door told a recipient the service could not reach. */
public enum InformedHow {
    PHONE,
    SECURE_EMAIL,
    LETTER,
    IN_PERSON
}
