package io.wakewire.board;

/**
 * Extends the board's 32-bit tick counter to 64 bits across wraps (2^32 ticks = 4 h 46 min at
 * 4 µs).
 *
 * <p>Each new reading is placed at the signed 32-bit distance from the last one, so a reading
 * may also lie a little in the past (an ANALOG timestamp taken before the last edge was sent).
 * The trade-off: the session must see some timestamp at least every 2^31 ticks (2 h 23 min at
 * 4 µs), which the periodic CLOCK heartbeat guarantees. {@link #reset()} after the board resets.
 */
final class TickExtender {

    private long last;
    private boolean started;

    /** The 64-bit tick of the 32-bit reading {@code raw} (taken as unsigned). */
    long extend(long raw) {
        int r = (int) raw;
        if (!started) {
            started = true;
            last = r & 0xFFFF_FFFFL;
            return last;
        }
        int delta = r - (int) last;
        last += delta;
        return last;
    }

    void reset() {
        started = false;
        last = 0;
    }
}
