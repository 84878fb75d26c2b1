package io.wakewire.link;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the native link says when the OS refuses a port: the port and the reason in words, never a bare "errno N". */
class OpenFailureMessageTest {

    private static final PortSettings S = PortSettings.of("/dev/ttyX9", 115200);

    @Test
    void aDirectoryIsNotASerialPort() {
        PortOpenException e = NativeSerialLinkFactory.openFailure(S, NativeCalls.STAGE_OPEN, Errno.EISDIR);
        assertEquals(PortOpenException.Problem.NOT_A_SERIAL_PORT, e.problem());
        assertEquals("/dev/ttyX9 is not a serial port (it is a directory)", e.getMessage());
    }

    @Test
    void aMissingSystemCallIsNamedWithTheWayAround() {
        String m = NativeSerialLinkFactory.openFailure(S, NativeCalls.STAGE_OPEN, Errno.ENOSYS).getMessage();
        assertTrue(m.startsWith("could not open /dev/ttyX9: ENOSYS ("), m);
        assertTrue(m.contains("-Dwakewire.native=off"), m);
        assertFalse(m.contains("errno 38"), m);
        assertFalse(m.contains("\n"), m);
    }

    @Test
    void theErrnosSeenOnBadPortsHaveNamesAndMeanings() {
        for (int errno : new int[] {Errno.EISDIR, Errno.ENOSYS, Errno.ENOTDIR, Errno.EMFILE, Errno.EROFS}) {
            assertTrue(Errno.name(errno).matches("E[A-Z]+ \\(.+\\)"), "errno " + errno + ": " + Errno.name(errno));
        }
        assertEquals("EISDIR (a directory, not a serial port)", Errno.name(21));
    }
}
