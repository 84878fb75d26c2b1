package io.wakewire.wire;

/**
 * One record of an EVENTS frame (PROTOCOL.md section 3): a pin edge or a LOST marker.
 *
 * <p>Timestamps are absolute board ticks, computed from the frame's {@code base_ts} plus the
 * delta-encoded gaps. They are {@code long}s that may exceed 2^32 when the deltas of one frame
 * cross the board counter's wrap; {@code timestamp & 0xFFFFFFFFL} is the board's counter value.
 * Unwrapping across frames into one monotonic timeline is the session's job, which sees them all.
 */
public sealed interface EventRecord {

    /** The byte that starts a LOST marker in place of a pin-and-level byte. */
    int LOST_MARKER = 0x7F;

    /** A pin edge: the Arduino pin (0..126), the level after the edge (0 or 1), its board tick. */
    record Edge(int pin, int level, long timestamp) implements EventRecord {
        public Edge {
            if (pin < 0 || pin >= LOST_MARKER) {
                throw new IllegalArgumentException("edge pin = " + pin + " is outside 0..126");
            }
            if (level != 0 && level != 1) {
                throw new IllegalArgumentException("edge level = " + level + " is neither 0 nor 1");
            }
            if (timestamp < 0) {
                throw new IllegalArgumentException("edge timestamp = " + timestamp + " is negative");
            }
        }

        /** True when the pin went high. */
        public boolean rising() {
            return level == 1;
        }
    }

    /**
     * Drops of one source (PROTOCOL.md section 4: 0..5 INTn, 8..10 PCINTn, 11 ADC, 12 RX) since
     * the last marker for it. It has no time of its own: every edge before it in the stream was
     * taken before the first of these drops, every edge after it after.
     */
    record Lost(int source, long count) implements EventRecord {
        public Lost {
            Fields.u8("lost source", source);
            Fields.u32("lost count", count);
        }
    }
}
