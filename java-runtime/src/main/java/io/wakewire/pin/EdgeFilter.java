package io.wakewire.pin;

/**
 * Which edges a wait accepts; an edge is named by the level the pin changed <em>to</em>. A board
 * is armed for the union of what its pin's waiters want, so asking only for RISING halves the
 * traffic of a square wave.
 */
public enum EdgeFilter {
    RISING(1),
    FALLING(2),
    BOTH(3);

    private final int mask;

    EdgeFilter(int mask) {
        this.mask = mask;
    }

    /** A bit mask, 1 rising and 2 falling: PROTOCOL.md's ARM {@code edges} value. */
    public int mask() {
        return mask;
    }

    public boolean accepts(Level level) {
        return (mask & (level == Level.HIGH ? 1 : 2)) != 0;
    }

    /** The filter of a {@link #mask()}, or null for 0 (no edge). */
    public static EdgeFilter ofMask(int mask) {
        return switch (mask & 3) {
            case 1 -> RISING;
            case 2 -> FALLING;
            case 3 -> BOTH;
            default -> null;
        };
    }
}
