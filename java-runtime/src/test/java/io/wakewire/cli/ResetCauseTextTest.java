package io.wakewire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The reset cause in words: MCUSR's bits, and 0 as "unknown" (PROTOCOL.md, HELLO). */
class ResetCauseTextTest {
    @Test
    void zeroIsUnknownNotAGuess() {
        assertEquals("unknown", InfoCommand.resetCause(0));
    }

    @Test
    void flagsAreNamed() {
        assertEquals("power-on", InfoCommand.resetCause(0x01));
        assertEquals("external reset pin, watchdog", InfoCommand.resetCause(0x0A));
    }
}
