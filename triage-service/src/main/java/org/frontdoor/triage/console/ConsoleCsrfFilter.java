package org.frontdoor.triage.console;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * The one check of the console's forms: a POST to a {@link CsrfChecked} resource (the console's) whose {@code csrf}
 * field is not the signed-in session's token ({@link ConsoleCsrf}) reaches no resource method and changes nothing;
 * the person sees "This form has expired" (403) with the way back. Read from the form before any resource method
 * runs, so no page can forget it.
 */
public class ConsoleCsrfFilter {

    private static final String HEADING = "This form has expired";
    private static final String MESSAGE = "Nothing was saved. Go back, reload the page and try again.";

    @Inject
    ConsoleCsrf csrf;

    @Inject
    ConsolePages pages;

    @ServerRequestFilter
    @WithFormRead
    @CsrfChecked
    public Response check(ResteasyReactiveContainerRequestContext request) {
        if (!"POST".equals(request.getMethod())) {
            return null;
        }
        ResteasyReactiveRequestContext context = (ResteasyReactiveRequestContext) request.getServerRequestContext();
        Object posted = context.getFormParameter(ConsoleCsrf.FIELD, true, false);
        if (csrf.matches(posted instanceof String token ? token : null)) {
            return null;
        }
        return pages.problem(HEADING, MESSAGE, Response.Status.FORBIDDEN.getStatusCode());
    }
}
