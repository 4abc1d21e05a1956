package org.frontdoor.notification.domain;

/**
 * A move a {@link Notification} refuses in its current status, e.g. retrying one that has not failed (answered 409
 * by {@code rest.DomainProblems}).
 */
public class IllegalTransition extends RuntimeException {

    public IllegalTransition(String detail) {
        super(detail, null, false, false);
    }
}
