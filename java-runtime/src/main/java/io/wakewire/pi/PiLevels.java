package io.wakewire.pi;

import com.pi4j.io.gpio.digital.DigitalState;
import io.wakewire.pin.Level;

/** Pi4J's states to {@link Level} and back. Pi4J's {@code UNKNOWN} has no counterpart: an edge always has a level. */
final class PiLevels {

    private PiLevels() {
    }

    static Level of(DigitalState state) {
        return state == DigitalState.HIGH ? Level.HIGH : Level.LOW;
    }

    static DigitalState toPi4j(Level level) {
        return level == Level.HIGH ? DigitalState.HIGH : DigitalState.LOW;
    }
}
