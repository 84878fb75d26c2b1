package io.wakewire.board;

/**
 * One level change of a board pin, with its time three ways.
 *
 * @param pin          the pin's name in the board config ("D2")
 * @param level        the level after the edge ({@code HIGH} for a rising edge)
 * @param ticks        the board's timestamp, taken in the ISR, in board ticks since the board's
 *                     last reset, extended from the wire's 32 bits to 64 across wraps
 * @param boardNanos   {@code ticks} in nanoseconds (ticks × the board's tick length)
 * @param hostNanos    the host's estimate of when the edge happened, on the session executor's clock
 *                     ({@link System#nanoTime()} unless a test gave the executor another), from the
 *                     clock sync's offset and drift (see {@code ClockSync})
 * @param arrivalNanos the same clock when the frame carrying the edge was decoded
 * @param hostErrorNanos the clock sync's bound on the error of {@code hostNanos} when it vouched
 *                     for the estimate (enough samples, bound under {@code ClockSync.VOUCH_LIMIT_NANOS}),
 *                     else -1: then {@code hostNanos} and {@link #latencyNanos()} are guesses, not
 *                     measurements, and are never to be printed as measured
 */
public record Edge(String pin, Level level, long ticks, long boardNanos, long hostNanos, long arrivalNanos,
                   long hostErrorNanos) {

    /** An edge whose host time the clock sync does not vouch for. */
    public Edge(String pin, Level level, long ticks, long boardNanos, long hostNanos, long arrivalNanos) {
        this(pin, level, ticks, boardNanos, hostNanos, arrivalNanos, -1);
    }

    public boolean isRising() {
        return level == Level.HIGH;
    }

    /** Whether the clock sync vouched for {@code hostNanos} (and so for the latency), within {@code hostErrorNanos}. */
    public boolean hostTimeVouched() {
        return hostErrorNanos >= 0;
    }

    /**
     * How long the edge took from the pin to the decoder, by the clock sync's estimate: a
     * measurement only when {@link #hostTimeVouched()}, give or take {@code hostErrorNanos}.
     */
    public long latencyNanos() {
        return arrivalNanos - hostNanos;
    }
}
