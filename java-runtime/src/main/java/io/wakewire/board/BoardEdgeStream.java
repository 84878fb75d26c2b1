package io.wakewire.board;

import io.wakewire.pin.Edge;
import io.wakewire.pin.EdgeFilter;
import io.wakewire.pin.EdgeStream;
import io.wakewire.pin.EdgesLostException;
import io.wakewire.task.Context;
import io.wakewire.task.Future;
import io.wakewire.task.Poll;

/**
 * A board pin's {@link EdgeStream}: every edge of the pin that matches a filter, in board order.
 * The stream subscribes at its first {@link #next()} poll and keeps a buffer
 * (BoardOptions.edgeBuffer) so that nothing is missed between two calls.
 *
 * <p>Losses and disconnects are in-band: {@code next()} throws {@link EdgesLostException} at the
 * place in the stream where edges went missing, and {@link BoardDisconnectedException} when the
 * board went away; awaiting {@code next()} again continues after them (with reconnect on, with the
 * edges after the session is back: the subscription is re-armed). {@link #close()} unsubscribes.
 */
final class BoardEdgeStream implements EdgeStream {

    private final EdgeSubscription sub;
    private boolean closed;

    BoardEdgeStream(PinChannel pin, EdgeFilter filter, int capacity) {
        this.sub = new EdgeSubscription(pin, filter, capacity);
    }

    @Override
    public Future<Edge> next() {
        return new Next();
    }

    /**
     * The level the stream starts from: subscribes and arms (as the first {@code next()} would),
     * then reads the pin (READ_PIN); the stream's edges are those after that read, so the first one
     * goes to the other level. Ready at once when read before.
     */
    Future<PinLevel> initialLevel() {
        return new InitialLevel(sub);
    }

    @Override
    public int buffered() {
        return sub.buffered();
    }

    @Override
    public EdgeFilter filter() {
        return sub.filter;
    }

    @Override
    public String pin() {
        return sub.pin.name();
    }

    /** Unsubscribes (on the executor thread); later {@code next()} calls fail. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        sub.close();
    }

    private final class Next implements Future<Edge> {
        @Override
        public Poll<Edge> poll(Context cx) {
            if (closed) {
                throw new IllegalStateException(sub.pin.session.label() + ": edges(" + sub.pin.name() + ") is closed");
            }
            sub.setWaker(cx.waker());
            sub.start();
            try {
                sub.pollArming(cx);
            } catch (RuntimeException e) {
                close();
                throw e;
            }
            Edge e = sub.take();
            return e == null ? Poll.pending() : Poll.ready(e);
        }

        @Override
        public void cancel() {
            sub.setWaker(null);
        }

        @Override
        public String describe() {
            return "edges(" + sub.pin.session.label() + " " + sub.pin.name() + " " + sub.filter + ").next, "
                    + sub.buffered() + " buffered";
        }
    }
}
