package io.wakewire.pi;

import io.wakewire.task.Future;

/**
 * The edges of one input pin, one at a time, in the order the listener saw them:
 * {@code for (;;) { Edge e = await(edges.next()); ... }}. Nothing is lost between two calls of
 * {@link #next}: edges that arrive meanwhile wait in the pin's bounded buffer, and an overflow is
 * reported by the next wait as an {@link EdgesLostException}.
 */
public final class EdgeStream {

    private final PiInput input;
    private final EdgeFilter filter;

    EdgeStream(PiInput input, EdgeFilter filter) {
        this.input = input;
        this.filter = filter;
    }

    /** The future of the next accepted edge; await it before asking for another. */
    public Future<Edge> next() {
        return input.nextEdge(filter);
    }

    public EdgeFilter filter() {
        return filter;
    }

    public PiInput input() {
        return input;
    }
}
