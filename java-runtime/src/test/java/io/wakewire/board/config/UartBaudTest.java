package io.wakewire.board.config;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** UBRR and U2X as the ATmega datasheets' baud tables give them at 16 MHz. */
class UartBaudTest {

    private static final long F = 16_000_000;

    @Test
    void exactRates() {
        check(1_000_000, 0, false, 0.0);
        check(500_000, 1, false, 0.0);
        check(250_000, 3, false, 0.0);
    }

    @Test
    void commonRatesPickTheBetterMode() {
        check(9_600, 103, false, 0.2);     // datasheet: UBRR 103, 0.2%
        check(57_600, 34, true, -0.8);     // normal would be 16 at +2.1%; U2X 34 at -0.8%
        check(115_200, 16, true, 2.1);     // normal would be 8 at -3.5%
        UartBaud b = UartBaud.best(F, 115_200);
        assertTrue(b.acceptable());
        assertFalse(b.exact());
        assertFalse(UartBaud.best(F, 230_400).acceptable()); // -3.5% with U2X, +8.5% without
    }

    @Test
    void ubrrStaysWithinTwelveBits() {
        UartBaud slow = UartBaud.best(F, 50);
        assertEquals(4095, slow.ubrr());
        assertFalse(slow.acceptable());
    }

    @Test
    void nearestExactRate() {
        assertEquals(250_000, UartBaud.nearestExact(F, 230_400));
        assertEquals(1_000_000, UartBaud.nearestExact(F, 999_000));
        assertEquals(2_000_000, UartBaud.nearestExact(F, 1_900_000)); // U2X, UBRR 0
    }

    private static void check(long baud, int ubrr, boolean u2x, double errorPercent) {
        UartBaud b = UartBaud.best(F, baud);
        assertEquals(ubrr, b.ubrr(), "UBRR for " + baud);
        assertEquals(u2x, b.u2x(), "U2X for " + baud);
        assertEquals(errorPercent, b.errorPercent(), 0.05, "error for " + baud);
    }
}
