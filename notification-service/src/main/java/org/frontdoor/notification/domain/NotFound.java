package org.frontdoor.notification.domain;

import org.frontdoor.support.domain.DomainException;

/** Something asked for by its id is not there (answered 404, like every service's, by service-support). */
public class NotFound extends DomainException.NotFound {

    public NotFound(String what) {
        super(what + " was not found");
    }
}
