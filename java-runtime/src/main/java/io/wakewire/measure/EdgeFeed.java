package io.wakewire.measure;

import io.wakewire.task.Future;

/**
 * Timestamped edges of one pin, with losses in band: what every operator of this package reads.
 *
 * <p>Order contract (the quadrature decoder relies on it to merge two sources): sources of one
 * board see its single event stream, so when a {@code next()} is pending, every record that the
 * board took before a record already handed out by another source of the same board has been
 * handed out too. The board's sources keep it: the board takes every pin's edges into one ring in
 * timestamp order, and the host gives a frame's records to every stream before any task runs.
 *
 * <p>One task at a time: await a {@code next()} before asking for another.
 */
public interface EdgeFeed extends AutoCloseable {

    /** The pin's name ("D2"). */
    String pin();

    /** The length of one board tick in nanoseconds: the resolution of every time here. */
    long tickNanos();

    /**
     * Completes once the source is subscribed and the board armed: every edge after this is seen.
     * Awaiting {@link #next()} arms too; this is for measurements that act first (a trigger).
     */
    Future<Void> ready();

    /** The next edge or loss. Other failures (the board went away) are thrown. */
    Future<Mark> next();

    /** Unsubscribes. */
    @Override
    void close();
}
