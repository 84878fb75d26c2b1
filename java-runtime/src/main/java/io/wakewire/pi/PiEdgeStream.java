package io.wakewire.pi;

import io.wakewire.pin.Edge;
import io.wakewire.pin.EdgeFilter;
import io.wakewire.pin.EdgeStream;
import io.wakewire.task.Future;

/**
 * A Pi input's {@link EdgeStream}: at its first {@code next()} poll it drops what the pin buffered
 * before (so it starts where a board stream starts), then takes every accepted edge from the pin's
 * buffer, in the order the listener saw them. Closing it ends the stream, not the pin.
 */
final class PiEdgeStream implements EdgeStream {

    private final PiInput input;
    private final EdgeFilter filter;
    private boolean started;
    private volatile boolean closed;

    PiEdgeStream(PiInput input, EdgeFilter filter) {
        this.input = input;
        this.filter = filter;
    }

    @Override
    public Future<Edge> next() {
        if (closed) {
            throw new IllegalStateException(closedMessage());
        }
        return new PiNextEdge(input.inbox(), input.name(), filter, this::startOnce, () -> closed ? closedMessage() : null);
    }

    private String closedMessage() {
        return input.name() + ": edges(" + filter + ") is closed";
    }

    /** True the first time a next() is polled: that poll drops the edges buffered before. */
    private boolean startOnce() {
        if (started) {
            return false;
        }
        started = true;
        return true;
    }

    @Override
    public EdgeFilter filter() {
        return filter;
    }

    @Override
    public String pin() {
        return input.name();
    }

    @Override
    public int buffered() {
        return input.buffered();
    }

    /** Ends the stream, not the pin; a next() another task awaits fails, naming the closed stream. */
    @Override
    public void close() {
        closed = true;
        input.inbox().wakeConsumer();
    }
}
