package io.wakewire.pi;

import io.wakewire.measure.EdgeFeed;
import io.wakewire.measure.Mark;
import io.wakewire.task.Future;
import io.wakewire.task.Futures;
import io.wakewire.task.Poll;

/**
 * A Pi input as an {@link EdgeFeed}, so that the measurements of {@code io.wakewire.measure}
 * (pulse widths, frequency) work on a Pi pin as on a board pin: {@code new Pulses(new
 * PiEdgeFeed(gpio.input(17)), true)}. The times are the host's {@code System.nanoTime()} read
 * in the Pi4J listener (a "tick" is 1 ns), so a width includes the kernel's and Pi4J's delivery
 * jitter, unlike a board's interrupt timestamps; a full buffer becomes a {@link Mark.Loss}.
 *
 * <p>Not for {@code Quadrature}: each Pi pin has its own listener thread, so two pins' edges do
 * not keep {@link EdgeFeed}'s order contract.
 */
public final class PiEdgeFeed implements EdgeFeed {

    private final PiInput input;

    public PiEdgeFeed(PiInput input) {
        if (input == null) {
            throw new IllegalArgumentException("PiEdgeFeed: input is null");
        }
        this.input = input;
    }

    @Override
    public String pin() {
        return input.name();
    }

    @Override
    public long tickNanos() {
        return 1;
    }

    /** The listener is attached when the input is opened: ready at once. */
    @Override
    public Future<Void> ready() {
        return Futures.ready(null);
    }

    @Override
    public Future<Mark> next() {
        Future<Edge> f = input.nextEdge(EdgeFilter.BOTH);
        return new Future<>() {
            @Override
            public Poll<Mark> poll(io.wakewire.task.Context cx) {
                try {
                    Poll<Edge> p = f.poll(cx);
                    if (p.isPending()) {
                        return Poll.pending();
                    }
                    Edge e = p.value();
                    return Poll.ready(new Mark.Edge(e.pinName(), e.level() == Level.HIGH, e.nanos(), e.nanos()));
                } catch (EdgesLostException l) {
                    return Poll.ready(new Mark.Loss(input.name(), l.lost(), "the pin's edge buffer was full, "
                            + l.lost() + " edge(s)"));
                }
            }

            @Override
            public void cancel() {
                f.cancel();
            }
        };
    }

    /** Closes nothing: the input belongs to the caller. */
    @Override
    public void close() {
    }
}
