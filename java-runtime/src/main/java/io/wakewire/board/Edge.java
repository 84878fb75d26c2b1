package io.wakewire.board;

/**
 * One level change of a board pin, with its time three ways.
 *
 * @param pin          the pin's name in the board config ("D2")
 * @param level        the level after the edge ({@code HIGH} for a rising edge)
 * @param ticks        the board's timestamp, taken in the ISR, in board ticks since the board's
 *                     last reset, extended from the wire's 32 bits to 64 across wraps
 * @param boardNanos   {@code ticks} in nanoseconds (ticks × the board's tick length)
 * @param hostNanos    the host's estimate of when the edge happened, on the {@link System#nanoTime()}
 *                     scale, from the clock sync's offset and drift (see {@code ClockSync}); error
 *                     about half the best round trip seen on a real board. A virtual board's
 *                     simulated clock wanders against the wall clock by tens of milliseconds when the
 *                     machine is loaded, and so does this estimate there (it may even lie after
 *                     {@code arrivalNanos})
 * @param arrivalNanos {@link System#nanoTime()} when the frame carrying the edge was decoded
 */
public record Edge(String pin, Level level, long ticks, long boardNanos, long hostNanos, long arrivalNanos) {

    public boolean isRising() {
        return level == Level.HIGH;
    }

    /** How long the edge took from the pin to the decoder, by the clock sync's estimate. */
    public long latencyNanos() {
        return arrivalNanos - hostNanos;
    }
}
