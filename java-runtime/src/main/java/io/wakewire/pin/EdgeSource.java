package io.wakewire.pin;

import io.wakewire.task.Future;

/**
 * A pin whose edges a task can await: a board's {@code Pin} and a Pi's {@code PiInput} alike, so
 * one program awaits both with the same types.
 *
 * <p>The two ways to wait mean the same on both:
 * <ul>
 *   <li>{@link #nextEdge}: the first accepted edge that happens after the future is first polled
 *       (awaited); edges from before are not returned. A loop of {@code nextEdge} can miss edges
 *       that come between two waits: use {@link #edges} to see every one.</li>
 *   <li>{@link #edges}: a stream of every accepted edge from its first {@code next()} poll on.</li>
 * </ul>
 */
public interface EdgeSource {

    /** The pin's name, as in {@link Edge#pin()}. */
    String name();

    /** The first edge {@code filter} accepts after this future is first polled. */
    Future<Edge> nextEdge(EdgeFilter filter);

    /** Every edge {@code filter} accepts, from the stream's first {@code next()} poll on. */
    EdgeStream edges(EdgeFilter filter);
}
