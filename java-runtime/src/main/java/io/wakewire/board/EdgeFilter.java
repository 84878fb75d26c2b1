package io.wakewire.board;

/**
 * Which edges a wait accepts; an edge is named by the level the pin changed <em>to</em>. The
 * board is armed for the union of what the pin's waiters want, so asking only for RISING halves
 * the traffic of a square wave.
 */
public enum EdgeFilter {
    RISING(1),
    FALLING(2),
    BOTH(3);

    /** PROTOCOL.md's ARM {@code edges} value; also a bit mask (1 rising, 2 falling). */
    final int armBits;

    EdgeFilter(int armBits) {
        this.armBits = armBits;
    }

    public boolean accepts(Level level) {
        return (armBits & (level == Level.HIGH ? 1 : 2)) != 0;
    }

    static EdgeFilter ofBits(int bits) {
        return switch (bits & 3) {
            case 1 -> RISING;
            case 2 -> FALLING;
            case 3 -> BOTH;
            default -> null;
        };
    }
}
