package io.wakewire.link;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortSettingsTest {

    @Test
    void defaultsHoldDtrKeepHupclAndDoNotPulse() {
        PortSettings s = PortSettings.of("/dev/ttyACM0", 115200);
        assertTrue(s.dtr());
        assertTrue(s.hupcl());
        assertFalse(s.resetOnOpen());
        PortSettings t = s.withHupcl(false).withResetOnOpen(true).withDtr(false);
        assertEquals(new PortSettings("/dev/ttyACM0", 115200, false, false, true), t);
    }

    @Test
    void aBadBaudIsReportedWithThePort() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PortSettings.of("/dev/ttyUSB1", 0));
        assertEquals("baud 0 for port /dev/ttyUSB1 is out of range: it must be between 50 and 4000000", e.getMessage());
    }

    @Test
    void anEmptyPortNameIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PortSettings.of(" ", 9600));
        assertEquals("serial port name is empty", e.getMessage());
    }
}
