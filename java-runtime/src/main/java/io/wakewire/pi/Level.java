package io.wakewire.pi;

import com.pi4j.io.gpio.digital.DigitalState;

/** The logic level of a pin. Pi4J's {@code UNKNOWN} state has no counterpart: an edge always has a level. */
public enum Level {
    LOW,
    HIGH;

    /** The other level. */
    public Level inverse() {
        return this == LOW ? HIGH : LOW;
    }

    static Level of(DigitalState state) {
        return state == DigitalState.HIGH ? HIGH : LOW;
    }

    DigitalState toPi4j() {
        return this == HIGH ? DigitalState.HIGH : DigitalState.LOW;
    }
}
