package org.frontdoor.support.gate;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.frontdoor.support.audit.AuditLog;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.support.problem.ProblemType;
import org.frontdoor.support.security.Roles;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The partner directory is the gate: every API request made with a {@code partner} token, to whatever endpoint, is let
 * through only when the token's organisation ({@code org} claim) is in the directory and active there. Anything else
 * is answered 403 ({@link ProblemType#PARTNER_NOT_ADMITTED}) and audited as {@code access.refused}, like a refusal
 * for the role. One filter for every service, so no endpoint a partner reaches can forget the check; staff tokens
 * pass untouched. The directory asked is the service's own ({@link PartnerStandings}); an organisation it does not
 * know (also while a new copy is still being filled) is refused, never let through.
 */
public class PartnerGate {

    private static final Logger LOG = Logger.getLogger(PartnerGate.class);

    /** What a partner endpoint documents for its 403 (OpenAPI), beside the refusal for the role. */
    public static final String REFUSED_DESCRIPTION = "Your organisation (the token's org claim) is not in the partner"
            + " directory or no longer active there, or your token names none (type partner-not-admitted); or your"
            + " role does not allow this request (type forbidden). Each refusal is audited";

    /** The gate's refusal, as an OpenAPI example. */
    public static final String REFUSED_EXAMPLE = """
            {"type": "urn:frontdoor:problem:partner-not-admitted",
             "title": "Organisation not admitted by the partner directory", "status": 403,
             "detail": "Organisation hillside-primary (Hillside Primary School) is no longer active in the partner directory",
             "instance": "/api/v1/referrals"}""";

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    PartnerStandings standings;

    @Inject
    AuditLog audit;

    @ServerRequestFilter
    public Uni<Void> admit(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/api/")) {
            return Uni.createFrom().voidItem(); // the console's pages take no partner token: leave their sign-in be
        }
        return identities.getDeferredIdentity().onItemOrFailure().transformToUni((who, failure) -> {
            if (failure != null || who == null || who.isAnonymous() || !who.hasRole(Roles.PARTNER)) {
                return Uni.createFrom().voidItem(); // not a partner's request, or authentication answers it
            }
            Uni<Void> check = Uni.createFrom().item(() -> {
                check(who, request.getMethod() + " " + request.getUriInfo().getPath());
                return null;
            });
            // JDBC: never on the event loop
            return Context.isOnEventLoopThread() ? check.runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                    : check;
        });
    }

    private void check(SecurityIdentity who, String what) {
        String org = organisationOf(who);
        String refusal;
        if (org == null) {
            refusal = "Your token names no organisation (org claim): a partner system acts for one organisation"
                    + " of the partner directory";
        } else {
            Optional<PartnerStandings.Standing> standing = standings.standingOf(org);
            if (standing.isPresent() && standing.get().active()) {
                return;
            }
            refusal = standing.isEmpty()
                    ? "Organisation " + org + " is not in the partner directory: ask the front door to add it"
                    : "Organisation " + org + " (" + standing.get().name() + ") is no longer active in the partner"
                            + " directory";
        }
        try {
            audit.recordRefusedAccess(who, what + ": " + refusal);
        } catch (RuntimeException auditFailed) {
            // the refusal stands; the audit's own failure is for ops
            LOG.errorf("Could not audit a refused partner at %s (%s)", what, auditFailed.getClass().getName());
        }
        throw new ProblemException(ProblemType.PARTNER_NOT_ADMITTED, refusal);
    }

    private static String organisationOf(SecurityIdentity who) {
        if (who.getPrincipal() instanceof JsonWebToken jwt) {
            String org = jwt.getClaim(Roles.ORG_CLAIM);
            return org == null || org.isBlank() ? null : org.strip();
        }
        return null;
    }
}
