package org.frontdoor.notification.rest;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.support.problem.ProblemType;
import org.frontdoor.support.security.Roles;

/** Who is calling, from their token. */
record Caller(String subject, String organisation) {

    static Caller of(JsonWebToken token) {
        String org = token.getClaim(Roles.ORG_CLAIM);
        return new Caller(token.getName() == null ? token.getSubject() : token.getName(),
                org == null || org.isBlank() ? null : org.strip());
    }

    /** The partner organisation the caller acts for; refused when the token names none. */
    String requireOrganisation() {
        if (organisation == null) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "Your token names no organisation (org claim): a partner system acts for one organisation");
        }
        return organisation;
    }
}
