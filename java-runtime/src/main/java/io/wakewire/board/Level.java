package io.wakewire.board;

/** The logic level of a board pin. */
public enum Level {
    LOW,
    HIGH;

    public static Level of(boolean high) {
        return high ? HIGH : LOW;
    }

    public Level inverse() {
        return this == LOW ? HIGH : LOW;
    }
}
