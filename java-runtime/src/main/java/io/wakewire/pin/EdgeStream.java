package io.wakewire.pin;

import io.wakewire.task.Future;

/**
 * Every edge of one pin that a filter accepts, in the order the pin produced them:
 * {@code try (EdgeStream s = pin.edges(RISING)) { for (;;) { Edge e = await(s.next()); ... } }}.
 * The stream starts at its first {@code next()} poll and buffers from then on, so nothing is
 * missed between two calls; losses are thrown in-band as {@link EdgesLostException}, and awaiting
 * {@code next()} again continues after them. One consumer at a time.
 */
public interface EdgeStream extends AutoCloseable {

    /** The next accepted edge; await it before asking for another. */
    Future<Edge> next();

    EdgeFilter filter();

    /** The pin's name, as in {@link Edge#pin()}. */
    String pin();

    /** Edges received and not yet taken. */
    int buffered();

    /**
     * Stops buffering (a board pin unsubscribes); later {@code next()} calls fail, and so does one
     * that another task is awaiting at the time (it is woken to fail, naming the closed stream).
     * Idempotent.
     */
    @Override
    void close();
}
