package io.wakewire.pi;

import io.wakewire.measure.EdgeFeed;
import io.wakewire.measure.Mark;
import io.wakewire.pin.Edge;
import io.wakewire.pin.EdgeFilter;
import io.wakewire.pin.EdgeStream;
import io.wakewire.pin.EdgesLostException;
import io.wakewire.pin.Level;
import io.wakewire.task.Context;
import io.wakewire.task.Future;
import io.wakewire.task.Poll;

/**
 * A Pi input as an {@link EdgeFeed}, so that the measurements of {@code io.wakewire.measure}
 * (pulse widths, frequency) work on a Pi pin as on a board pin: {@code new Pulses(new
 * PiEdgeFeed(gpio.input(17)), true)}. It reads one {@link EdgeStream} of both edges, which starts
 * at {@link #ready()} (or the first {@link #next()}). The times are the host's
 * {@code System.nanoTime()} read in the Pi4J listener (a "tick" is 1 ns), so a width includes the
 * kernel's and Pi4J's delivery jitter, unlike a board's interrupt timestamps; a full buffer
 * becomes a {@link Mark.Loss}.
 *
 * <p>Not for {@code Quadrature}: each Pi pin has its own listener thread, so two pins' edges do
 * not keep {@link EdgeFeed}'s order contract.
 */
public final class PiEdgeFeed implements EdgeFeed {

    private final PiInput input;
    private final EdgeStream stream;
    /** The stream's next() in progress (the stream starts at its first poll). */
    private Future<Edge> pending;
    /** A mark that {@link #ready()}'s poll already took. */
    private Mark early;

    public PiEdgeFeed(PiInput input) {
        if (input == null) {
            throw new IllegalArgumentException("PiEdgeFeed: input is null");
        }
        this.input = input;
        this.stream = input.edges(EdgeFilter.BOTH);
    }

    @Override
    public String pin() {
        return input.name();
    }

    @Override
    public long tickNanos() {
        return 1;
    }

    /** Starts the stream: every edge after this poll is seen. */
    @Override
    public Future<Void> ready() {
        return cx -> {
            if (early == null) {
                early = step(cx);
            }
            return Poll.ready(null);
        };
    }

    @Override
    public Future<Mark> next() {
        return new Future<>() {
            @Override
            public Poll<Mark> poll(Context cx) {
                Mark m = early;
                if (m != null) {
                    early = null;
                    return Poll.ready(m);
                }
                m = step(cx);
                return m == null ? Poll.pending() : Poll.ready(m);
            }

            @Override
            public void cancel() {
                // the stream's next() stays pending for the feed's next call
            }
        };
    }

    /** Polls the stream once: a mark, or null while nothing came. */
    private Mark step(Context cx) {
        if (pending == null) {
            pending = stream.next();
        }
        try {
            Poll<Edge> p = pending.poll(cx);
            if (p.isPending()) {
                return null;
            }
            pending = null;
            Edge e = p.value();
            return new Mark.Edge(e.pin(), e.level() == Level.HIGH, e.hostNanos(), e.hostNanos());
        } catch (EdgesLostException l) {
            pending = null;
            return new Mark.Loss(input.name(), l.count(), l.reason().text()
                    + (l.countKnown() ? ", " + l.count() + " edge(s)" : ", count unknown"));
        }
    }

    /** Ends the stream (not the pin: the input belongs to the caller). */
    @Override
    public void close() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
        stream.close();
    }
}
