package io.wakewire.gateway;

/** The gateway could not do what it was asked (broker unreachable, bad URL, refused credentials); one line. */
public final class GatewayException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public GatewayException(String message) {
        super(message);
    }

    public GatewayException(String message, Throwable cause) {
        super(message, cause);
    }
}
