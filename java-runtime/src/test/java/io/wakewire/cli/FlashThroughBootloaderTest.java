package io.wakewire.cli;

import io.wakewire.link.NativeSupport;
import io.wakewire.sim.BuildArtifacts;
import io.wakewire.sim.VirtualBoard;
import io.wakewire.sim.VirtualBoardOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code wakewire flash} with the real avrdude through the real Optiboot, on a virtual Uno started
 * with {@code vboard --bootloader} (Optiboot at 0x7e00, the host's open as the DTR reset), and the
 * same for a board that has no bootloader. The vboard, the firmware, the test firmware and
 * Optiboot come from {@code make} ({@code make test} builds them first; alone, the test is skipped
 * with the reason when they are missing).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FlashThroughBootloaderTest {

    @TempDir
    Path tmp;

    private static Path built(String relative) {
        Path p = BuildArtifacts.locate().root().resolve(relative);
        NativeSupport.require(Files.isRegularFile(p), p + " is missing",
                "make firmware vboard optiboot build/vboard/echo_fw.elf");
        return p;
    }

    private static void needAvrdude() {
        NativeSupport.require(Files.isExecutable(Path.of("/usr/bin/avrdude")), "avrdude is not installed", "make deps");
    }

    @Test
    void flashWritesTheFirmwareThroughOptibootAndTheBoardThenRunsIt() throws Exception {
        needAvrdude();
        Path optiboot = built("build/optiboot/optiboot_atmega328.hex");
        Path hex = built("build/uno/wakewire.hex");
        // The application flashed "before": the vboard's echo test firmware, which does not speak the protocol.
        Path old = built("build/vboard/echo_fw.elf");
        try (VirtualBoard uno = VirtualBoard.start("uno", old,
                VirtualBoardOptions.defaults().withExtraArgs(List.of("--bootloader", optiboot.toString())))) {
            Cli before = Cli.run("info", "--port", uno.port(), "--timeout", "3s");
            assertEquals(ExitCode.NO_ANSWER, before.exit(), "the old firmware has no HELLO: " + before.out() + before.err());
            assertTrue(before.firstErrLine().contains("no HELLO from the board"), before.err());

            long t0 = System.nanoTime();
            Cli flash = Cli.run("flash", "--board", "uno", "--port", uno.port(), "--hex", hex.toString());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(ExitCode.OK, flash.exit(), flash.err());
            assertEquals("flashed and verified " + hex + " on " + uno.port(), flash.out().strip());
            assertTrue(flash.err().matches("(?s).*\\d+ bytes of flash verified.*"), flash.err());
            System.out.println("flash through Optiboot: " + ms + " ms");

            Cli after = Cli.run("info", "--port", uno.port());
            assertEquals(ExitCode.OK, after.exit(), after.err());
            assertTrue(after.out().contains("board          uno on " + uno.port()), after.out());
            assertTrue(after.out().contains("wire protocol 2"), after.out());
            assertTrue(after.out().contains("mcu            signature 1e950f (atmega328p)"), after.out());

            byte[] flashMemory = uno.dumpFlash(tmp.resolve("flash.bin"));
            assertEquals(32 * 1024, flashMemory.length);
            TreeMap<Integer, Byte> image = readIntelHex(hex);
            assertEquals(0, image.firstKey(), "the firmware starts at 0");
            assertEquals(image.lastKey() + 1, image.size(), "the firmware's hex is one block from 0");
            byte[] want = new byte[image.size()];
            image.forEach((a, b) -> want[a] = b);
            byte[] got = Arrays.copyOf(flashMemory, want.length);
            assertArrayEquals(want, got, "the flash holds the hex, byte for byte");
            // the bootloader wrote around itself: its own 512 B are as loaded
            readIntelHex(optiboot).forEach((a, b) -> assertEquals((byte) b, flashMemory[a],
                    "bootloader byte at 0x" + Integer.toHexString(a)));
        }
    }

    @Test
    void aBoardWithoutABootloaderFailsInOneLineWithExitCode5() {
        needAvrdude();
        Path hex = built("build/uno/wakewire.hex");
        Path fw = built("build/uno/wakewire.elf");
        // The firmware alone, reset on open like an Uno: it never answers avrdude's sync.
        try (VirtualBoard uno = VirtualBoard.start("uno", fw,
                VirtualBoardOptions.defaults().withExtraArgs(List.of("--reset-on-open")))) {
            long t0 = System.nanoTime();
            Cli r = Cli.run("flash", "--board", "uno", "--port", uno.port(), "--hex", hex.toString()).assertCleanError();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.println("flash with no bootloader: exit " + r.exit() + " after " + ms + " ms");
            assertEquals(ExitCode.NO_ANSWER, r.exit(), r.err());
            List<String> ours = r.err().lines().filter(l -> l.startsWith("wakewire")).toList();
            assertEquals(1, ours.size(), r.err());
            assertEquals("wakewire flash: the board on " + uno.port() + " does not answer its bootloader (programmer"
                    + " arduino at 115200 baud, nothing within 6.0 s): check --port and --board, press reset just"
                    + " before flashing, or the bootloader may be missing or use another baud", ours.get(0));
        }
    }

    /** Address to byte for every data record (types 00, 01, 02, 04; a start address is ignored). */
    static TreeMap<Integer, Byte> readIntelHex(Path file) throws IOException {
        TreeMap<Integer, Byte> bytes = new TreeMap<>();
        int base = 0;
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            byte[] r = HexFormat.of().parseHex(line.strip().substring(1));
            int addr = (r[1] & 0xff) << 8 | (r[2] & 0xff);
            switch (r[3]) {
                case 0 -> {
                    for (int i = 0; i < (r[0] & 0xff); i++) {
                        bytes.put(base + addr + i, r[4 + i]);
                    }
                }
                case 2 -> base = ((r[4] & 0xff) << 8 | (r[5] & 0xff)) << 4;
                case 4 -> base = ((r[4] & 0xff) << 8 | (r[5] & 0xff)) << 16;
                default -> {
                }
            }
        }
        return bytes;
    }
}
