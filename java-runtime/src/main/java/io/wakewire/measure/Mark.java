package io.wakewire.measure;

/** What an {@link EdgeFeed} hands out, in board order: an edge, or a loss at its place. */
public sealed interface Mark {

    /** The source's pin name. */
    String pin();

    /**
     * A level change.
     *
     * @param high  the level after the change
     * @param ticks the board's timestamp, in ticks (64-bit, extended across the wire's wraps)
     * @param nanos {@code ticks} in nanoseconds (ticks × the tick length)
     */
    record Edge(String pin, boolean high, long ticks, long nanos) implements Mark {
    }

    /**
     * Edges went missing here.
     *
     * @param count edges lost, or -1 when unknown
     * @param why   the source's words for it (e.g. "overflow on the board, 3 edge(s)")
     */
    record Loss(String pin, long count, String why) implements Mark {
    }
}
