package io.wakewire.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A --port that cannot be a serial port: one clear line naming it, before anything opens it. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PortMessagesTest {

    @TempDir
    Path tmp;

    private static Cli refused(String command, String port) {
        Cli r = Cli.run(command, "--port", port).assertCleanError();
        assertEquals(ExitCode.PORT, r.exit(), r.err());
        assertEquals(1, r.err().lines().count(), "one line: " + r.err());
        return r;
    }

    @ParameterizedTest
    @ValueSource(strings = {"info", "ping", "monitor", "flash"})
    void devNullIsNotASerialPortNotBusy(String command) {
        Cli r = command.equals("flash") ? Cli.run("flash", "--port", "/dev/null", "--avrdude", "/bin/true").assertCleanError()
                : refused(command, "/dev/null");
        assertEquals(ExitCode.PORT, r.exit(), r.err());
        assertTrue(r.firstErrLine().startsWith("wakewire " + command + ": port /dev/null is not a serial port: device 1:3"
                + " is not a terminal"), r.err());
        assertFalse(r.err().contains("busy"), r.err());
    }

    @Test
    void aDirectoryIsNamedAsOneNotAsAnErrno() {
        Cli r = refused("info", tmp.toString());
        assertEquals("wakewire info: port " + tmp + " is not a serial port: it is a directory; `wakewire ports` lists"
                + " the serial ports", r.firstErrLine());
        assertFalse(r.err().contains("errno"), r.err());
    }

    @Test
    void aRegularFileIsNamedAsOne() throws Exception {
        Path f = Files.writeString(tmp.resolve("port.txt"), "x");
        Cli r = refused("ping", f.toString());
        assertTrue(r.firstErrLine().contains("port " + f + " is not a serial port: it is a regular file"), r.err());
    }

    @Test
    void aTtyPassesTheCheck() {
        // /dev/ptmx is listed by /proc/tty/drivers (major 5, minor 2), as every tty device is
        assertNull(PortKind.whyNotSerial(Path.of("/dev/ptmx"), Path.of("/proc/tty/drivers")));
        assertTrue(PortKind.ttyDriverCovers("pty_slave            /dev/pts      136 0-1048575 pty:slave", 136, 7));
        assertTrue(PortKind.ttyDriverCovers("acm                  /dev/ttyACM   166 0-255 serial", 166, 0));
        assertFalse(PortKind.ttyDriverCovers("acm                  /dev/ttyACM   166 0-255 serial", 1, 3));
        assertFalse(PortKind.ttyDriverCovers("serial               /dev/ttyS       4      64 serial", 4, 65));
    }
}
