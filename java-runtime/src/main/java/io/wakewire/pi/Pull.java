package io.wakewire.pi;

import com.pi4j.io.gpio.digital.PullResistance;

/** The input's bias resistor, passed through to Pi4J. */
public enum Pull {
    NONE,
    PULL_UP,
    PULL_DOWN;

    PullResistance toPi4j() {
        return switch (this) {
            case NONE -> PullResistance.OFF;
            case PULL_UP -> PullResistance.PULL_UP;
            case PULL_DOWN -> PullResistance.PULL_DOWN;
        };
    }
}
