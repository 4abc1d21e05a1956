package org.frontdoor.triage.domain;

import io.quarkus.security.identity.SecurityIdentity;
import org.frontdoor.support.security.Roles;

/** Who is acting, from their token: the name recorded on the item or case, and whether they manage. */
public record Actor(String name, boolean teamManager) {

    public static Actor of(SecurityIdentity identity) {
        return new Actor(identity.getPrincipal().getName(), identity.hasRole(Roles.TEAM_MANAGER));
    }
}
