package io.wakewire.board;

import io.wakewire.board.config.BoardConfig;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The board config as the session sees it: pin numbers, capabilities, ADC channels, drop sources. */
class BoardSpecTest {

    private static PinSpec pin(BoardSpec s, String name) {
        return s.pins().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void unoPinsCarryTheirDropSources() {
        BoardSpec s = Board.specOf(BoardConfig.load("uno"));
        assertEquals(0x1E950F, s.signature());
        assertEquals(1_000_000, s.baud());
        assertEquals(0, pin(s, "D2").dropSource());   // INT0
        assertEquals(1, pin(s, "D3").dropSource());   // INT1
        assertEquals(10, pin(s, "D4").dropSource());  // PCINT2
        assertEquals(8, pin(s, "D13").dropSource());  // PCINT0
        assertEquals(9, pin(s, "A0").dropSource());   // PCINT1
        assertEquals(0, pin(s, "A0").analogChannel());
        assertEquals(14, pin(s, "A0").number());
        assertTrue(pin(s, "D9").pwm());
        assertFalse(pin(s, "D2").pwm());
        assertEquals(-1, pin(s, "D2").analogChannel());
    }

    @Test
    void megaLoadsToo() {
        BoardSpec s = Board.specOf(BoardConfig.load("mega2560"));
        assertEquals(0x1E9801, s.signature());
        assertEquals(4, pin(s, "D2").dropSource()); // INT4 on the Mega
    }

    @Test
    void aNullPortIsRefusedBeforeAnythingOpens() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Board.connect(BoardConfig.load("uno"), " "));
        assertTrue(e.getMessage().contains("uno") && e.getMessage().contains("port"), e.getMessage());
    }
}
