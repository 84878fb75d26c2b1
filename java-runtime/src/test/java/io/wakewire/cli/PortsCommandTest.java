package io.wakewire.cli;

import io.wakewire.link.SerialPortInfo;
import io.wakewire.link.SerialPorts;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PortsCommandTest {

    private static Cli ports(List<SerialPortInfo> list) {
        PortsCommand cmd = new PortsCommand();
        cmd.source = () -> list;
        return Cli.run(new CommandLine(cmd));
    }

    @Test
    void listsEachPortWithItsUsbIdsAndAGuessAtTheBoard() {
        SerialPortInfo uno = new SerialPortInfo("/dev/ttyACM0", Optional.of("/dev/serial/by-id/usb-Arduino_Uno-if00"),
                Optional.of("cdc_acm"), Optional.of("2341"), Optional.of("0043"), Optional.of("Arduino (www.arduino.cc)"),
                Optional.empty(), Optional.of("8573531303435"));
        SerialPortInfo uart = new SerialPortInfo("/dev/ttyS0", Optional.empty(), Optional.of("serial8250"),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        Cli r = ports(List.of(uno, uart));
        assertEquals(0, r.exit());
        assertEquals(List.of(
                "/dev/ttyACM0  2341:0043  Arduino (www.arduino.cc)  serial 8573531303435  cdc_acm"
                        + "  /dev/serial/by-id/usb-Arduino_Uno-if00  [Arduino Uno R3]",
                "/dev/ttyS0  serial8250"), r.out().lines().toList());
    }

    @Test
    void saysSoWhenThereAreNone() {
        Cli r = ports(List.of());
        assertEquals(0, r.exit());
        assertEquals("no serial ports found (is the board plugged in? a virtual board: `wakewire sim`)", r.out().strip());
    }

    @Test
    void theRealCommandListsWhatTheOsReports() {
        Cli r = Cli.run("ports");
        assertEquals(0, r.exit(), r.err());
        List<SerialPortInfo> real = SerialPorts.list();
        assertEquals(Math.max(1, real.size()), r.out().lines().count(), r.out());
        for (SerialPortInfo p : real) {
            assertEquals(true, r.out().contains(p.device()), r.out());
        }
    }
}
