package io.wakewire.board;

import io.wakewire.measure.EdgeFeed;
import io.wakewire.measure.Mark;
import io.wakewire.pin.Edge;
import io.wakewire.pin.EdgeFilter;
import io.wakewire.pin.EdgesLostException;
import io.wakewire.pin.Level;
import io.wakewire.task.Context;
import io.wakewire.task.Future;
import io.wakewire.task.Poll;

/**
 * A board pin as an {@link EdgeFeed} for the measurements of {@code io.wakewire.measure}: its own
 * subscription for both edges (a missed change then shows as the same level twice), with the
 * session's {@link EdgesLostException} turned into in-band {@link Mark.Loss} marks. The one place
 * that knows the edge types of {@code io.wakewire.pin} for a board pin (board ticks).
 *
 * <p>The order contract of {@link EdgeFeed} holds: the board takes every pin's edges into one
 * ring in timestamp order, and the session's {@code Demultiplexer} hands each frame's records to every
 * subscription on the executor thread before any task runs again. Executor thread only.
 */
public final class PinEdgeFeed implements EdgeFeed {

    private final PinChannel pin;
    private final EdgeSubscription sub;
    private boolean closed;

    PinEdgeFeed(PinChannel pin) {
        this.pin = pin;
        this.sub = new EdgeSubscription(pin, EdgeFilter.BOTH, pin.session.options.edgeBuffer());
    }

    @Override
    public String pin() {
        return pin.name();
    }

    @Override
    public long tickNanos() {
        return pin.session.ticksToNanos(1);
    }

    @Override
    public Future<Void> ready() {
        return new Future<>() {
            private Future<Void> arming;

            @Override
            public Poll<Void> poll(Context cx) {
                checkOpen();
                if (arming == null) {
                    pin.session.checkUsable();
                    sub.register(); // subscribed first: nothing after the ARM is missed
                    arming = pin.ensureArmed(EdgeFilter.BOTH);
                }
                return arming.poll(cx);
            }

            @Override
            public void cancel() {
                if (arming != null) {
                    arming.cancel();
                }
            }

            @Override
            public String describe() {
                return "edges(" + pin.session.label() + " " + pin.name() + ").ready";
            }
        };
    }

    @Override
    public Future<Mark> next() {
        return new Future<>() {
            @Override
            public Poll<Mark> poll(Context cx) {
                checkOpen();
                sub.setWaker(cx.waker());
                sub.start();
                try {
                    sub.pollArming(cx);
                } catch (RuntimeException e) {
                    close();
                    throw e;
                }
                try {
                    Edge e = sub.take();
                    return e == null ? Poll.pending()
                            : Poll.ready(new Mark.Edge(e.pin(), e.level() == Level.HIGH, e.boardTicks().getAsLong(),
                                    e.boardNanos().getAsLong()));
                } catch (EdgesLostException l) {
                    return Poll.ready(new Mark.Loss(l.pin(), l.count(), l.reason().text()
                            + (l.countKnown() ? ", " + l.count() + " edge(s)" : ", count unknown")));
                }
            }

            @Override
            public void cancel() {
                sub.setWaker(null);
            }

            @Override
            public String describe() {
                return "edges(" + pin.session.label() + " " + pin.name() + ").next, " + sub.buffered() + " buffered";
            }
        };
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException(pin.session.label() + ": the measurement on " + pin.name() + " is closed");
        }
    }

    @Override
    public void close() {
        closed = true;
        sub.close();
    }
}
