package org.frontdoor.referral.domain;

import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.frontdoor.support.security.Roles;

/**
 * Who is calling, from their token. A partner is a partner system acting for one
 * organisation ({@code org} claim) and sees that organisation's referrals only; staff roles
 * see all.
 */
public record Caller(String subject, Set<String> roles, String organisation) {

    public static Caller of(JsonWebToken token) {
        String org = token.getClaim(Roles.ORG_CLAIM);
        return new Caller(token.getName() == null ? token.getSubject() : token.getName(), token.getGroups(),
                org == null || org.isBlank() ? null : org);
    }

    /** True when partner restrictions apply: a partner role and no staff role. */
    public boolean isPartner() {
        return roles.contains(Roles.PARTNER) && !isStaff();
    }

    public boolean isStaff() {
        return roles.contains(Roles.FRONT_DOOR) || roles.contains(Roles.TRIAGE_WORKER)
                || roles.contains(Roles.TEAM_MANAGER);
    }

    /** The role a submission is recorded under. */
    public String submittingRole() {
        return isPartner() ? Roles.PARTNER : Roles.FRONT_DOOR;
    }

    /** Whose idempotency keys these are: a partner organisation's, or one front-door user's. */
    public String idempotencyScope() {
        return isPartner() ? "org:" + organisation : "user:" + subject;
    }

    public boolean maySee(Referral referral) {
        return !isPartner() || (organisation != null && organisation.equals(referral.organisationId));
    }
}
