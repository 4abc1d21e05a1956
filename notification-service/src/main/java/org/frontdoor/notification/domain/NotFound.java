package org.frontdoor.notification.domain;

/** Something asked for by its id is not there (answered 404 by {@code rest.DomainProblems}). */
public class NotFound extends RuntimeException {

    public NotFound(String what) {
        super(what + " was not found", null, false, false);
    }
}
