package io.wakewire.task;

import java.time.Duration;

/**
 * A {@link Futures#timeout} elapsed before the wrapped future completed; the wrapped future has
 * been cancelled. Unchecked, unlike {@link java.util.concurrent.TimeoutException}, so it can
 * cross {@code poll} and {@code Async.await} without wrapping.
 */
public class TimedOutException extends RuntimeException {

    private final Duration limit;

    public TimedOutException(Duration limit, String what) {
        super("timed out after " + limit.toMillis() + " ms waiting for " + what);
        this.limit = limit;
    }

    public Duration limit() {
        return limit;
    }
}
