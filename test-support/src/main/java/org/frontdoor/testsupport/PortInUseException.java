package org.frontdoor.testsupport;

/**
 * Thrown when a fixed port asked for by the local run is already taken.
 */
public final class PortInUseException extends IllegalStateException {

    private final int port;

    public PortInUseException(int port, String detail) {
        super("port " + port + " is already in use (" + detail + ")");
        this.port = port;
    }

    public int port() {
        return port;
    }
}
