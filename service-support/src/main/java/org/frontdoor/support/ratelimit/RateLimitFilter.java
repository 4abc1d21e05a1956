package org.frontdoor.support.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import java.security.Principal;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.frontdoor.support.problem.ProblemMappers;
import org.frontdoor.support.problem.ProblemType;
import org.frontdoor.support.security.Roles;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every JAX-RS request of a signed-in caller (an API's bearer token, or the console's session) is counted against
 * its caller's limit before the resource runs; over it, the answer is 429 problem details with {@code Retry-After}.
 * Every answer to a counted request carries the IETF {@code RateLimit-Policy} and {@code RateLimit} fields. A request
 * without a valid identity is not counted: authentication refuses it anyway. Health and metrics are not JAX-RS
 * resources, so they are never limited.
 */
public class RateLimitFilter {

    public static final String POLICY_HEADER = "RateLimit-Policy";
    public static final String HEADER = "RateLimit";
    private static final String DECISION = RateLimitFilter.class.getName() + ".decision";

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    RateLimiter limiter;

    @Inject
    MeterRegistry meters;

    @Inject
    RateLimitClock clock;

    @ServerRequestFilter
    public Uni<Response> limit(ContainerRequestContext request) {
        if (!limiter.enabled()) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity().onItemOrFailure().transform((who, failure) -> {
            if (failure != null || who == null || who.isAnonymous()) {
                return null;
            }
            RateDecision decision = take(who);
            request.setProperty(DECISION, decision);
            if (decision.allowed()) {
                return null;
            }
            meters.counter("frontdoor.rate.limit.refused", "policy", decision.policy().name()).increment();
            return refused(decision, request.getUriInfo().getPath());
        });
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof RateDecision decision) {
            response.getHeaders().putSingle(POLICY_HEADER, decision.policy().header());
            response.getHeaders().putSingle(HEADER, decision.header());
        }
    }

    private RateDecision take(SecurityIdentity who) {
        long now = clock.nanos();
        Principal principal = who.getPrincipal();
        if (principal instanceof JsonWebToken token) {
            Object org = token.getClaim(Roles.ORG_CLAIM);
            if (org != null && !org.toString().isBlank()) {
                return limiter.takeForOrganisation(org.toString().strip(), now);
            }
            if (token.getSubject() != null) {
                return limiter.takeForUser(token.getSubject(), now);
            }
        }
        return limiter.takeForUser(principal.getName(), now);
    }

    private static Response refused(RateDecision decision, String path) {
        String whose = RatePolicy.PARTNER.equals(decision.policy().name()) ? "your organisation's" : "your";
        String detail = "Too many requests: " + whose + " limit is " + decision.policy().quota() + " a minute, "
                + decision.policy().burst() + " at once; retry after " + decision.retryAfterSeconds() + " second(s)";
        return Response.fromResponse(ProblemMappers.respond(ProblemType.TOO_MANY_REQUESTS, detail, path, List.of()))
                .header("Retry-After", decision.retryAfterSeconds())
                .header(POLICY_HEADER, decision.policy().header())
                .header(HEADER, decision.header())
                .build();
    }
}
