package io.wakewire.cli;

import io.wakewire.link.SocatPtyPair;
import io.wakewire.sim.VirtualBoard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** info, ping and monitor against the real firmware on one virtual Uno, and their failures. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BoardCommandsTest {

    private static VirtualBoard uno;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startBoard() {
        uno = VirtualUno.start();
    }

    @AfterAll
    static void stopBoard() {
        if (uno != null) {
            uno.close();
        }
    }

    @Test
    void infoPrintsTheHelloAndTheTimeToReady() {
        Cli r = Cli.run("info", "--port", uno.port());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("board          uno on " + uno.port()), r.out());
        assertTrue(r.out().contains("wire protocol 2"), r.out());
        assertTrue(r.out().contains("mcu            signature 1e950f (atmega328p), clock 16000000 Hz"), r.out());
        assertTrue(r.out().contains("link           1000000 baud"), r.out());
        assertTrue(r.out().contains("modules        analog, pwm, stream, servo, i2c\n"), r.out());
        assertTrue(r.out().matches("(?s).*reset cause    .*\\(MCUSR 0x[0-9a-f]{2}\\).*"), r.out());
        assertTrue(r.out().matches("(?s).*ready in       \\d+ ms \\(open to HELLO checked\\).*"), r.out());
        assertTrue(r.out().contains("board counters crc errors 0, bad frames 0"), r.out());
    }

    @Test
    void pingPrintsPercentilesOfTheCountAsked() {
        Cli r = Cli.run("ping", "--port", uno.port(), "--count", "25", "--warmup", "2", "--interval", "1ms");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().matches("uno on " + uno.port() + ": 25 pings, rtt min [0-9.]+ p50 [0-9.]+ p90 [0-9.]+"
                + " p99 [0-9.]+ max [0-9.]+ ms \\(mean [0-9.]+\\)\\s*"), r.out());
    }

    @Test
    void readPrintsTheLevelAndTheBoardTickOfTheRead() {
        uno.set("D4", true);
        Cli r = Cli.run("read", "--port", uno.port(), "D4", "A3");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size(), r.out());
        assertTrue(lines.get(0).matches("D4 HIGH tick \\d+ \\([0-9.]+ ms after the board's reset\\)"), r.out());
        assertTrue(lines.get(1).startsWith("A3 "), r.out());
        Cli bad = Cli.run("read", "--port", uno.port(), "D99").assertCleanError();
        assertTrue(bad.firstErrLine().contains("D99"), bad.err());
    }

    @Test
    void monitorAnalogPrintsBoardTimedSamplesAsCsvAndVcd() throws Exception {
        uno.adc("A0", 2500);
        Path vcd = tmp.resolve("a0.vcd");
        Cli r = Cli.run("monitor", "--port", uno.port(), "--analog", "A0", "--rate", "1kHz", "--csv", "--count", "50",
                "--vcd", vcd.toString());
        assertEquals(0, r.exit(), r.err() + r.out());
        List<String> rows = r.out().lines().toList();
        assertEquals(AnalogMonitor.CSV_HEADER, rows.get(0));
        assertEquals(51, rows.size(), r.out());
        long prev = -1;
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            assertEquals("A0", f[0]);
            assertTrue(Math.abs(Integer.parseInt(f[2]) - 512) <= 3, row);
            long t = Long.parseLong(f[3]);
            assertTrue(prev < 0 || Math.abs(t - prev - 250) <= 1, "250 ticks apart: " + row);
            prev = t;
        }
        String v = Files.readString(vcd);
        assertTrue(v.contains("$var real 64 ! A0 $end") && v.contains("\nr2.49"), v);
        Cli badRate = Cli.run("monitor", "--port", uno.port(), "--analog", "A0", "--rate", "1234").assertCleanError();
        assertTrue(badRate.firstErrLine().contains("1234 Hz"), badRate.err());
        Cli noAdc = Cli.run("monitor", "--port", uno.port(), "--analog", "D2", "--rate", "1kHz").assertCleanError();
        assertTrue(noAdc.firstErrLine().contains("--analog: D2"), noAdc.err());
    }

    /** Starts {@code args} in the background; once it is connected, drives a wave of {@code edges} on D2. */
    private static Cli monitorWhileDriving(long edges, String... args) throws Exception {
        CompletableFuture<Cli> run = CompletableFuture.supplyAsync(() -> Cli.run(args));
        Thread.sleep(2500); // connect and arm: well under this even on a loaded machine
        uno.wave("D2", Duration.ofMillis(2), edges);
        return run.get(60, TimeUnit.SECONDS);
    }

    @Test
    void monitorCsvHasOneRowPerEdgeInBoardTimeWithAlternatingLevels() throws Exception {
        // more edges than counted: on a loaded machine the first may come before D2 is armed
        Cli r = monitorWhileDriving(16, "monitor", "--port", uno.port(), "--pins", "D2", "--csv", "--count", "10");
        assertEquals(0, r.exit(), r.err() + r.out());
        List<String> rows = r.out().lines().toList();
        assertEquals(CsvEdgeSink.HEADER, rows.get(0));
        assertEquals(11, rows.size(), r.out());
        long previousNs = -1;
        String previousLevel = null;
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            assertEquals("D2", f[2], row);
            long ns = Long.parseLong(f[0]);
            if (previousNs >= 0) {
                // the wave puts an edge every 1 ms of simulated time; the board's tick is 4 µs
                assertTrue(Math.abs(ns - previousNs - 1_000_000) <= 8_000, "edge spacing " + (ns - previousNs) + " ns");
                assertTrue(!f[3].equals(previousLevel), "levels must alternate: " + r.out());
            }
            previousNs = ns;
            previousLevel = f[3];
        }
        assertTrue(r.err().contains("summary: 10 edges, 0 lost"), r.err());
    }

    @Test
    void monitorWritesAVcdThatPulseViewCanOpen() throws Exception {
        Path vcd = tmp.resolve("edges.vcd");
        Cli r = monitorWhileDriving(10, "monitor", "--port", uno.port(), "--pins", "D2,D3", "--quiet",
                "--vcd", vcd.toString(), "--count", "6");
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.out());
        List<String> lines = Files.readAllLines(vcd);
        assertTrue(lines.contains("$timescale 1ns $end"), lines.toString());
        assertTrue(lines.contains("$var wire 1 ! D2 $end"), lines.toString());
        assertTrue(lines.contains("$var wire 1 \" D3 $end"), lines.toString());
        assertTrue(lines.contains("$enddefinitions $end"), lines.toString());
        List<Long> times = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        boolean inDumpvars = false;
        for (String l : lines) {
            if (l.equals("$dumpvars")) {
                inDumpvars = true;
            } else if (l.equals("$end")) {
                inDumpvars = false;
            } else if (l.startsWith("#")) {
                times.add(Long.parseLong(l.substring(1)));
            } else if (!inDumpvars && (l.startsWith("0") || l.startsWith("1"))) {
                changes.add(l);
            }
        }
        assertEquals(6, changes.size(), lines.toString());
        for (int i = 1; i < times.size(); i++) {
            assertTrue(times.get(i) > times.get(i - 1), "VCD time must go forward: " + times);
        }
        for (int i = 1; i < changes.size(); i++) {
            assertTrue(changes.get(i).charAt(0) != changes.get(i - 1).charAt(0), "D2 alternates: " + changes);
        }
    }

    @Test
    void servoMovesAndDetachesAndRefusesABadAngleBeforeConnecting() {
        uno.widths("D9");
        Cli r = Cli.run("servo", "--port", uno.port(), "D9", "90");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("servo D9 (Timer1): 90.0 degrees, pulse 1472.0 us every 20 ms"), r.out());
        // the servo's first pulse starts with Timer1's next 20-ms frame, after the ACK: wait for it
        // (bounded; the virtual board runs in real time)
        var w = uno.widths("D9");
        for (int i = 0; i < 250 && w.count() == 0; i++) {
            sleep(20);
            w = uno.widths("D9");
        }
        assertEquals(1472 * 16, w.last(), "the pulse the board made: " + w);
        Cli d = Cli.run("servo", "--port", uno.port(), "--detach", "D9");
        assertEquals(0, d.exit(), d.err());
        Cli bad = Cli.run("servo", "--port", uno.port(), "D9", "200").assertCleanError();
        assertTrue(bad.err().contains("angle 200.0 is outside 0..180"), bad.err());
    }

    @Test
    void theWrongBoardConfigIsNamed() {
        Cli r = Cli.run("info", "--board", "mega2560", "--port", uno.port()).assertCleanError();
        assertEquals(ExitCode.FAILURE, r.exit(), r.err());
        assertTrue(r.firstErrLine().startsWith("wakewire info: mega2560@" + uno.port() + ": "), r.err());
        assertTrue(r.firstErrLine().contains("1e950f"), r.err());
    }

    @Test
    void aBaudTheClockCannotMakeIsAUsageError() {
        Cli r = Cli.run("info", "--port", uno.port(), "--baud", "900000").assertCleanError();
        assertEquals(ExitCode.USAGE, r.exit());
        assertTrue(r.firstErrLine().contains("--baud 900000: the uno's 16000000 Hz clock makes 1000000 baud at best"),
                r.err());
        Cli zero = Cli.run("ping", "--port", uno.port(), "--baud", "0").assertCleanError();
        assertEquals(ExitCode.USAGE, zero.exit());
        assertTrue(zero.firstErrLine().contains("--baud 0 is out of range"), zero.err());
    }

    @Test
    void anUnknownPinIsAUsageError() {
        Cli r = Cli.run("monitor", "--port", uno.port(), "--pins", "D2,D99", "--count", "1").assertCleanError();
        assertEquals(ExitCode.USAGE, r.exit());
        assertTrue(r.firstErrLine().startsWith("wakewire monitor: --pins: "), r.err());
        assertTrue(r.firstErrLine().contains("D99"), r.err());
    }

    @Test
    void aMissingPortIsAPortError() {
        Cli r = Cli.run("info", "--port", tmp.resolve("ttyACM7").toString()).assertCleanError();
        assertEquals(ExitCode.PORT, r.exit(), r.err());
        assertTrue(r.firstErrLine().contains("ttyACM7 does not exist"), r.err());
    }

    @Test
    void aBusyPortNamesTheProgramHoldingIt() throws Exception {
        // another program holds the board's port open, as a serial monitor would
        Process holder = new ProcessBuilder("sleep", "60").redirectInput(new java.io.File(uno.port())).start();
        try {
            Cli r = Cli.run("info", "--port", uno.port()).assertCleanError();
            assertEquals(ExitCode.PORT, r.exit(), r.err());
            assertTrue(r.firstErrLine().contains("is busy: held open by pid " + holder.pid() + " (sleep)"), r.err());
        } finally {
            holder.destroyForcibly();
            holder.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aPortWhereNothingAnswersEndsAtTheTimeout() throws Exception {
        try (SocatPtyPair pty = SocatPtyPair.start()) {
            Cli r = Cli.run("info", "--port", pty.first, "--timeout", "1500ms").assertCleanError();
            assertEquals(ExitCode.NO_ANSWER, r.exit(), r.err());
            assertTrue(r.firstErrLine().contains("no HELLO from the board on " + pty.first + " within 1500 ms"), r.err());
        }
    }

    @Test
    void noPortGivenSaysWhereToFindOne() {
        Cli r = Cli.run("info").assertCleanError();
        assertEquals(ExitCode.USAGE, r.exit());
        assertEquals("wakewire info: no --port given; `wakewire ports` lists the serial ports", r.firstErrLine());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
