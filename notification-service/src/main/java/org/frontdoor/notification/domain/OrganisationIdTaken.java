package org.frontdoor.notification.domain;

import java.util.List;
import org.frontdoor.support.domain.DomainException;

/** A new partner organisation given an id the directory already has (answered 409 by service-support). */
public class OrganisationIdTaken extends DomainException.Conflict {

    private final String id;

    public OrganisationIdTaken(String id) {
        super("Organisation id " + id + " is taken: change that organisation's record instead", List.of());
        this.id = id;
    }

    public String id() {
        return id;
    }
}
