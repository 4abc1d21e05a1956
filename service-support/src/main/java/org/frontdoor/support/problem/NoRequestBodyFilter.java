package org.frontdoor.support.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/** Refuses a request body on an operation marked {@link NoRequestBody} (415 problem details), before it runs. */
@Provider
@NoRequestBody
public class NoRequestBodyFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        // a Content-Type alone is no body: some clients name one on every POST
        boolean hasBody = request.getHeaderString("Transfer-Encoding") != null
                || (length != null && !length.strip().equals("0"));
        if (hasBody) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "This operation takes no request body: send the request without one");
        }
    }
}
