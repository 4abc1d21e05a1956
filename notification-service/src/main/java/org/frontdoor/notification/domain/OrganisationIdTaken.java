package org.frontdoor.notification.domain;

/** A new partner organisation given an id the directory already has (answered 409 by {@code rest.DomainProblems}). */
public class OrganisationIdTaken extends RuntimeException {

    private final String id;

    public OrganisationIdTaken(String id) {
        super("Organisation id " + id + " is taken", null, false, false);
        this.id = id;
    }

    public String id() {
        return id;
    }
}
