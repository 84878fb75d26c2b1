package io.wakewire.board;

import java.util.List;

/**
 * What the session needs of a board config: its name, the MCU signature HELLO must report (three
 * bytes as one number, 0x1E950F for the ATmega328P), the link's default baud, and its pins.
 * Made from {@code io.wakewire.board.config.BoardConfig} by {@link Board}; tests build one directly.
 */
record BoardSpec(String name, int signature, int baud, List<PinSpec> pins) {

    BoardSpec {
        pins = List.copyOf(pins);
    }
}
