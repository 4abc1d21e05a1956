package org.frontdoor.triage.staff;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.frontdoor.support.domain.DomainException;
import org.frontdoor.support.security.Roles;

/** The signed-in person as an {@link Actor}, linked to the staff directory by the token's subject. */
@ApplicationScoped
public class Actors {

    @Inject
    SecurityIdentity identity;

    public Actor current() {
        String subject = subjectOf(identity);
        StaffMember staff = StaffMember.bySubject(subject).filter(s -> s.active).orElse(null);
        return new Actor(staff != null ? staff.id : subject, subject, staff, identity.hasRole(Roles.TEAM_MANAGER));
    }

    /** The current actor, who must be active in the staff directory to work items and cases. */
    public Actor staff() {
        Actor actor = current();
        if (!actor.inDirectory()) {
            throw new DomainException.NotPermitted("Your sign-in (" + actor.subject() + ") is not linked"
                    + " to an active member of staff: ask a team manager to add you to the staff directory");
        }
        return actor;
    }

    static String subjectOf(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return identity.getPrincipal().getName();
    }
}
