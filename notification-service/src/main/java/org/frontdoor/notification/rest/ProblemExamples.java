package org.frontdoor.notification.rest;

/** The start every validation problem example in this service's API documentation shares. */
final class ProblemExamples {

    /** A 422 problem, up to its detail: an example goes on with {@code "detail"}, {@code "instance"}, {@code "errors"}. */
    static final String INVALID = "{\"type\": \"urn:frontdoor:problem:validation\", \"title\": \"Request is not valid\","
            + " \"status\": 422, ";

    private ProblemExamples() {
    }
}
