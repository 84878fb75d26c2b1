package io.wakewire.measure;

/**
 * One pulse: the pin left its resting level at {@code startTicks} and came back {@code widthTicks}
 * later, both board timestamps of the edges (so exact to one tick, whatever the link did).
 *
 * @param pin        the pin's name
 * @param high       true for a high pulse (rising edge, then falling), false for a low one
 * @param startTicks the board tick of the leading edge
 * @param widthTicks the board ticks from the leading to the trailing edge
 * @param tickNanos  the length of one tick: the width's resolution
 * @param exact      false when the width is at or under {@link Pulses#FLOOR_TICKS}: the board's edge
 *                   interrupt takes about that long, and a pulse narrower than it reads as its
 *                   duration, so the true width is then at most the width read plus one tick
 *                   (the quantisation), its value unknown
 */
public record Pulse(String pin, boolean high, long startTicks, long widthTicks, long tickNanos, boolean exact) {

    /** The width in nanoseconds (a multiple of {@code tickNanos}). */
    public long widthNanos() {
        return widthTicks * tickNanos;
    }

    /** The width in microseconds. */
    public double widthMicros() {
        return widthNanos() / 1000.0;
    }

    /** The leading edge's board time in nanoseconds since the board's reset. */
    public long startNanos() {
        return startTicks * tickNanos;
    }
}
