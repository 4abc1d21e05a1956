package org.frontdoor.notification.domain;

import java.util.List;
import org.frontdoor.support.domain.DomainException;

/**
 * A move a {@link Notification} refuses in its current status, e.g. retrying one that has not failed (answered 409,
 * like every state conflict, by service-support).
 */
public class IllegalTransition extends DomainException.Conflict {

    public IllegalTransition(String detail) {
        super(detail, List.of());
    }
}
