package io.wakewire.task;

/**
 * What carries {@code Async.async} bodies: the SPI behind the sequential layer, with two
 * whole-file implementations chosen once per JVM by {@link Async} (see there):
 * {@link #continuations()} (fast, needs an export flag) and {@link #threadHandoff()} (any JVM).
 * Both give the same semantics, so code and tests do not care which one runs them.
 */
public interface AsyncEngine {

    String name();

    /** A future that runs {@code body} when polled, suspending it at each {@code Async.await}. */
    <T> Future<T> async(Async.Body<T> body);

    /** Whether {@link #continuations()} can work in this JVM. */
    static boolean continuationsAvailable() {
        return ContinuationEngine.available();
    }

    /**
     * The continuation engine; throws {@link UnsupportedOperationException} saying which flag is
     * missing when this JVM does not export {@code jdk.internal.vm}.
     */
    static AsyncEngine continuations() {
        return new ContinuationEngine();
    }

    /** The virtual-thread hand-off engine, available everywhere. */
    static AsyncEngine threadHandoff() {
        return new ThreadHandoffEngine();
    }
}
