package org.frontdoor.triage.console;

/** Another service the console calls did not answer, or answered with a fault of its own (not the user's doing). */
public class ServiceUnavailableException extends RuntimeException {

    ServiceUnavailableException(String message) {
        super(message);
    }
}
