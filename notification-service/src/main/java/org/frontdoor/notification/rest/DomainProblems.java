package org.frontdoor.notification.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.frontdoor.notification.domain.IllegalTransition;
import org.frontdoor.notification.domain.InvalidFields;
import org.frontdoor.notification.domain.NotFound;
import org.frontdoor.notification.domain.OrganisationIdTaken;
import org.frontdoor.support.problem.ProblemException;
import org.frontdoor.support.problem.ProblemMappers;
import org.frontdoor.support.problem.ProblemType;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place this service's domain exceptions become problem details; the answers are service-support's
 * ({@link ProblemMappers}), so they read as every other refusal.
 */
public class DomainProblems {

    @ServerExceptionMapper
    public Response notFound(NotFound e, UriInfo uri) {
        return answer(new ProblemException(ProblemType.NOT_FOUND, e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response illegalTransition(IllegalTransition e, UriInfo uri) {
        return answer(new ProblemException(ProblemType.CONFLICT, e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response organisationIdTaken(OrganisationIdTaken e, UriInfo uri) {
        return answer(new ProblemException(ProblemType.CONFLICT, e.getMessage() + ": change it with PUT "
                + PartnerResource.PATH + "/" + e.id()), uri);
    }

    @ServerExceptionMapper
    public Response invalidFields(InvalidFields e, UriInfo uri) {
        return answer(ProblemException.invalid(e.errors()), uri);
    }

    private static Response answer(ProblemException problem, UriInfo uri) {
        return ProblemMappers.respond(problem.type(), problem.getMessage(), uri == null ? null : uri.getPath(),
                problem.errors());
    }
}
