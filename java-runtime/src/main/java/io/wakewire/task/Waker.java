package io.wakewire.task;

/**
 * Tells an executor that a task can make progress and should be polled again.
 *
 * <p>{@code wake()} is thread-safe, cheap, idempotent until the task is polled (duplicate
 * wakes collapse into one poll), and may be called any number of times from any thread:
 * a serial reader, a Pi4J listener, a JNI reactor, another task. It never blocks and never
 * runs the task inline.
 */
@FunctionalInterface
public interface Waker {

    void wake();

    /** A waker that does nothing: for polling a future outside any executor. */
    Waker NOOP = () -> {};
}
