package io.wakewire.sync;

/**
 * Thrown from a future's {@code poll} when the primitive it waits on has been closed: a send
 * on a closed channel, a oneshot whose sender gave up, an acquire on a closed semaphore, a
 * watch whose sender closed. The message names the primitive and the operation.
 *
 * <p>Unchecked, like every failure that travels through {@code poll}: in the sequential layer
 * it surfaces from {@code await}, in a spawned task it reaches whoever joins the task.
 */
public final class ClosedException extends RuntimeException {

    public ClosedException(String message) {
        super(message);
    }
}
