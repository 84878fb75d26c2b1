package io.wakewire.task;

/**
 * What a future sees while it is being polled: the waker of the task that polls it, and
 * the executor the task runs on (for timers and spawning).
 *
 * <p>A context is only valid during the {@code poll} call it was passed to; a future that
 * wants to be woken later keeps {@code waker()}, not the context.
 */
public interface Context {

    Waker waker();

    Executor executor();
}
