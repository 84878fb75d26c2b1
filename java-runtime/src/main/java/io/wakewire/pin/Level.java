package io.wakewire.pin;

/** The logic level of a pin, on a board or on a Pi. */
public enum Level {
    LOW,
    HIGH;

    public static Level of(boolean high) {
        return high ? HIGH : LOW;
    }

    /** The other level. */
    public Level inverse() {
        return this == LOW ? HIGH : LOW;
    }
}
