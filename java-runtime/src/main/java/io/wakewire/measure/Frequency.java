package io.wakewire.measure;

import io.wakewire.task.Context;
import io.wakewire.task.Future;
import io.wakewire.task.Poll;

/**
 * A frequency measured on the board's timestamps of consecutive rising edges (one period each):
 * {@code periods} periods, {@code periods + 1} rising edges in a row with nothing lost between
 * them, and the frequency is {@code periods / (t_last - t_first)}: the mean over the window (the
 * reciprocal of the mean period, not the mean of per-period frequencies). Each timestamp is exact
 * to one tick, so the relative error is at most about one tick over the span (4 µs over 1 s of
 * a 16 MHz board: 4 ppm), before the board's crystal's own error.
 *
 * @param pin        the pin's name
 * @param hertz      the mean frequency over the window
 * @param periods    periods in the window
 * @param spanTicks  board ticks from the first rising edge to the last
 * @param tickNanos  the tick length
 */
public record Frequency(String pin, double hertz, int periods, long spanTicks, long tickNanos) {

    /** The mean period in nanoseconds. */
    public double periodNanos() {
        return (double) spanTicks * tickNanos / periods;
    }

    /**
     * Measures over {@code periods} periods from a source armed for both edges (so that a missed
     * change shows as the same level twice). Fails with {@link MeasureLostException} when a loss or
     * a repeated level falls inside the window: the window is not stitched across it.
     */
    public static Future<Frequency> measure(EdgeFeed source, int periods) {
        if (source == null) {
            throw new IllegalArgumentException("frequency: source is null");
        }
        if (periods < 1) {
            throw new IllegalArgumentException("frequency(" + source.pin() + "): periods " + periods + " is not >= 1");
        }
        return new Measure(source, periods).future();
    }

    /** One measurement's state; {@link MarkFold} feeds it the marks. */
    private static final class Measure {
        private final EdgeFeed source;
        private final int periods;
        private Mark.Edge first;
        private Boolean last;
        private int rises;

        Measure(EdgeFeed source, int periods) {
            this.source = source;
            this.periods = periods;
        }

        Future<Frequency> future() {
            return new MarkFold<>(source, this::take, () -> "frequency(" + source.pin() + ", " + periods
                    + " periods), " + Math.max(0, rises - 1) + " so far");
        }

        private Frequency take(Mark m) {
            if (m instanceof Mark.Loss l) {
                if (first != null) {
                    throw new MeasureLostException(l.pin(), "frequency", l.count(), "edge(s)", l.why() + ", after "
                            + (rises - 1) + " of " + periods + " periods");
                }
                last = null; // before the window: start it after the loss
                return null;
            }
            Mark.Edge e = (Mark.Edge) m;
            Boolean before = last;
            last = e.high();
            if (before != null && before == e.high() && first != null) {
                throw new MeasureLostException(e.pin(), "frequency", 1, "edge(s)", "the pin reported "
                        + (e.high() ? "high" : "low") + " twice in a row at tick " + e.ticks());
            }
            if (!e.high() || before == null || before == e.high()) {
                return null; // a falling edge, or a rising one not known to follow a low record
            }
            if (first == null) {
                first = e;
                rises = 1;
                return null;
            }
            if (++rises <= periods) {
                return null;
            }
            long span = e.ticks() - first.ticks();
            double hz = span <= 0 ? Double.POSITIVE_INFINITY : periods * 1e9 / ((double) span * source.tickNanos());
            return new Frequency(e.pin(), hz, periods, span, source.tickNanos());
        }
    }
}
