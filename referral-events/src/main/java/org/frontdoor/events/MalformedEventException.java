package org.frontdoor.events;

/** A message that can never be processed, however often it is retried: it belongs in a dead-letter topic. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String reason) {
        super(reason);
    }
}
