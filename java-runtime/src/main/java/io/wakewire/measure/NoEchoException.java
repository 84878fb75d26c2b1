package io.wakewire.measure;

import java.time.Duration;

/** A distance measurement whose echo did not come (or did not end) within its timeout. */
public class NoEchoException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Duration timeout;

    public NoEchoException(String pin, Duration timeout, boolean began) {
        super(pin + ": " + (began ? "the echo began but did not end" : "no echo") + " within "
                + timeout.toMillis() + " ms of the trigger (nothing in range, or the sensor is not wired)");
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }
}
