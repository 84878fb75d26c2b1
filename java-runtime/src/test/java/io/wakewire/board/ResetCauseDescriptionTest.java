package io.wakewire.board;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A reset's cause as BoardResetException words it: 0 is "unknown" (PROTOCOL.md, HELLO). */
class ResetCauseDescriptionTest {
    @Test
    void zeroIsUnknown() {
        assertEquals("unknown", BoardResetException.describeCause(0));
        assertEquals("watchdog", BoardResetException.describeCause(0x08));
    }
}
