package io.wakewire.cli;

import io.wakewire.sim.BuildArtifacts;
import io.wakewire.link.NativeSupport;
import io.wakewire.sim.VirtualBoard;
import io.wakewire.sim.VirtualBoardOptions;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** wakewire i2c scan / read against the real firmware on a virtual Uno with I2C device models. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class I2cCommandTest {

    private static VirtualBoard uno;

    @BeforeAll
    static void startBoard() {
        BuildArtifacts a = BuildArtifacts.locate();
        NativeSupport.require(Files.isExecutable(a.root().resolve("build/vboard/vboard"))
                        && Files.isRegularFile(a.root().resolve("build/uno/wakewire.elf")),
                "build/vboard/vboard or build/uno/wakewire.elf is missing", "make firmware vboard");
        uno = VirtualBoard.start("uno", a.firmware("uno"),
                VirtualBoardOptions.defaults().withExtraArgs(List.of("--i2c", "eeprom", "--i2c", "bmp280")));
    }

    @AfterAll
    static void stopBoard() {
        if (uno != null) {
            uno.close();
        }
    }

    @Test
    void scanListsTheDevicesAndReadPrintsTheRegisterBytes() {
        Cli scan = Cli.run("i2c", "scan", "--port", uno.port());
        assertEquals(0, scan.exit(), scan.err());
        assertEquals("0x50 0x76", scan.out().strip());
        Cli read = Cli.run("i2c", "read", "0x76", "0xF7", "6", "--khz", "400", "--port", uno.port());
        assertEquals(0, read.exit(), read.err());
        assertEquals("65 5a c0 7e ed 00", read.out().strip());
    }

    @Test
    void aMissingDeviceFailsWithItsAddressAndBadNumbersAreUsageErrors() {
        Cli nak = Cli.run("i2c", "read", "0x22", "0", "1", "--port", uno.port());
        assertEquals(ExitCode.FAILURE, nak.exit(), nak.err());
        assertTrue(nak.err().contains("no device acknowledged its address") && nak.err().contains("0x22"), nak.err());
        Cli bad = Cli.run("i2c", "read", "0x80", "0", "1", "--port", uno.port()).assertCleanError();
        assertEquals(ExitCode.USAGE, bad.exit());
        assertTrue(bad.firstErrLine().contains("ADDR 0x80 is out of range (0x00..0x7f)"), bad.err());
        Cli many = Cli.run("i2c", "read", "0x50", "0", "33", "--port", uno.port()).assertCleanError();
        assertEquals(ExitCode.USAGE, many.exit());
        assertTrue(many.firstErrLine().contains("N 33 is out of range"), many.err());
    }
}
