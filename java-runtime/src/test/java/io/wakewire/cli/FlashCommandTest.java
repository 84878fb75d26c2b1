package io.wakewire.cli;

import io.wakewire.link.NativeSupport;
import io.wakewire.link.SocatPtyPair;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code wakewire flash}: the avrdude line it builds from each board config, and every way it can
 * fail before or during the upload (no real board here: a silent pty plays one that does not answer).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FlashCommandTest {

    @TempDir
    Path tmp;

    private Path hex() throws Exception {
        Path h = tmp.resolve("fw.hex");
        Files.writeString(h, ":00000001FF\n");
        return h;
    }

    @Test
    void dryRunPrintsTheAvrdudeLineFromTheUnoConfig() throws Exception {
        Path h = hex();
        Cli r = Cli.run("flash", "--board", "uno", "--port", "/dev/ttyACM0", "--hex", h.toString(), "--dry-run");
        assertEquals(0, r.exit(), r.err());
        assertEquals("avrdude -c arduino -p m328p -P /dev/ttyACM0 -b 115200 -D -U flash:w:" + h + ":i", r.out().strip());
    }

    @Test
    void dryRunUsesTheMegasProgrammerAndAnUploadBaudOverride() throws Exception {
        Path h = hex();
        Cli r = Cli.run("flash", "-b", "mega2560", "-p", "/dev/ttyUSB0", "--baud", "57600", "--hex", h.toString(), "-n");
        assertEquals(0, r.exit(), r.err());
        assertEquals("avrdude -c wiring -p m2560 -P /dev/ttyUSB0 -b 57600 -D -U flash:w:" + h + ":i", r.out().strip());
    }

    @Test
    void dryRunInTheCheckoutNamesTheBuiltHexAndQuotesOddPaths() {
        Cli r = Cli.run("flash", "--port", "/dev/my port", "--dry-run");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains(" -P '/dev/my port' "), r.out());
        assertTrue(r.out().strip().endsWith("/build/uno/wakewire.hex:i"), r.out());
    }

    @Test
    void anUnknownBoardListsTheKnownOnes() {
        Cli r = Cli.run("flash", "--board", "unoo", "--port", "/dev/ttyACM0", "--dry-run").assertCleanError();
        assertEquals(ExitCode.USAGE, r.exit());
        assertTrue(r.firstErrLine().contains("no board 'unoo' (known boards: mega2560, nano, pi4, pi5, uno)"), r.err());
    }

    @Test
    void aPiBoardCannotBeFlashed() {
        Cli r = Cli.run("flash", "--board", "pi4", "--port", "/dev/ttyACM0", "--dry-run").assertCleanError();
        assertEquals(ExitCode.USAGE, r.exit());
        assertTrue(r.firstErrLine().contains("board 'pi4' is a pi board"), r.err());
    }

    @Test
    void noPortIsAUsageError() {
        Cli r = Cli.run("flash", "--dry-run").assertCleanError();
        assertEquals(ExitCode.USAGE, r.exit());
        assertEquals("wakewire flash: no --port given; `wakewire ports` lists the serial ports", r.firstErrLine());
    }

    @Test
    void aBadBaudIsAUsageError() {
        Cli r = Cli.run("flash", "--port", "/dev/ttyACM0", "--baud", "-9600", "--dry-run").assertCleanError();
        assertEquals(ExitCode.USAGE, r.exit());
        assertTrue(r.firstErrLine().contains("--baud -9600 is out of range"), r.err());
        Cli word = Cli.run("flash", "--port", "/dev/ttyACM0", "--baud", "fast", "--dry-run").assertCleanError();
        assertEquals(ExitCode.USAGE, word.exit());
        assertTrue(word.firstErrLine().contains("'--baud': 'fast' is not an int"), word.err());
    }

    @Test
    void aMissingHexFileIsNamed() {
        Cli r = Cli.run("flash", "--port", "/dev/ttyACM0", "--hex", tmp.resolve("nope.hex").toString(), "-n")
                .assertCleanError();
        assertEquals(ExitCode.USAGE, r.exit());
        assertTrue(r.firstErrLine().endsWith("nope.hex: no such file"), r.err());
    }

    @Test
    void avrdudeMissingFromPathOrAtTheGivenPathSaysHowToInstallIt() throws Exception {
        Cli r = Cli.run("flash", "--port", "/dev/ttyACM0", "--hex", hex().toString(),
                "--avrdude", tmp.resolve("bin/avrdude").toString()).assertCleanError();
        assertEquals(ExitCode.MISSING_TOOL, r.exit());
        assertTrue(r.firstErrLine().contains("is not an executable file; install avrdude (sudo apt-get install avrdude)"),
                r.err());
        Cli byName = Cli.run("flash", "--port", "/dev/ttyACM0", "--hex", hex().toString(),
                "--avrdude", "avrdude-that-is-not-installed").assertCleanError();
        assertEquals(ExitCode.MISSING_TOOL, byName.exit());
        assertTrue(byName.firstErrLine().contains("avrdude-that-is-not-installed was not found on PATH; install it:"
                + " sudo apt-get install avrdude"), byName.err());
    }

    @Test
    void aMissingPortIsNamedBeforeAvrdudeRuns() throws Exception {
        Cli r = Cli.run("flash", "--port", tmp.resolve("ttyACM9").toString(), "--hex", hex().toString(),
                "--avrdude", "/bin/true").assertCleanError();
        assertEquals(ExitCode.PORT, r.exit());
        assertTrue(r.firstErrLine().contains("ttyACM9 does not exist: is the board plugged in?"), r.err());
    }

    @Test
    void aBusyPortNamesTheProgramHoldingIt() throws Exception {
        try (SocatPtyPair pty = SocatPtyPair.start()) {
            // a child process holds the port open, as a serial monitor would
            Process holder = new ProcessBuilder("sleep", "60").redirectInput(new File(pty.first)).start();
            try {
                Cli r = Cli.run("flash", "--port", pty.first, "--hex", hex().toString(), "--avrdude", "/bin/true")
                        .assertCleanError();
                assertEquals(ExitCode.PORT, r.exit());
                assertTrue(r.firstErrLine().contains("is busy: held open by pid " + holder.pid() + " (sleep)"), r.err());
            } finally {
                holder.destroyForcibly();
                holder.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aBootloaderThatDoesNotAnswerIsGivenUpAtTheSyncTimeoutBeforeTheWholeTimeout() throws Exception {
        Path avrdude = Path.of("/usr/bin/avrdude");
        io.wakewire.link.NativeSupport.require(Files.isExecutable(avrdude), "avrdude is not installed", "make deps");
        try (SocatPtyPair pty = SocatPtyPair.start()) {
            Cli r = Cli.run("flash", "--port", pty.first, "--hex", hex().toString(), "--sync-timeout", "2s",
                    "--timeout", "60s").assertCleanError();
            assertEquals(ExitCode.NO_ANSWER, r.exit(), r.err());
            assertTrue(r.firstErrLine().startsWith("wakewire flash: the board on " + pty.first + " does not answer its"
                    + " bootloader (programmer arduino at 115200 baud, nothing within 2.0 s)"), r.err());
        }
    }

    @Test
    void aZeroSyncTimeoutIsAUsageError() throws Exception {
        Cli r = Cli.run("flash", "--port", "/dev/ttyACM0", "--hex", hex().toString(), "--sync-timeout", "0s")
                .assertCleanError();
        assertEquals(ExitCode.USAGE, r.exit());
        assertTrue(r.err().contains("'0s' is not a usable duration"), r.err());
    }

    @Test
    void aBoardThatNeverAnswersEndsAtTheTimeoutWithAnExplanation() throws Exception {
        Path avrdude = Path.of("/usr/bin/avrdude");
        NativeSupport.require(Files.isExecutable(avrdude), "avrdude is not installed", "make deps");
        try (SocatPtyPair pty = SocatPtyPair.start()) {
            Cli r = Cli.run("flash", "--port", pty.first, "--hex", hex().toString(), "--timeout", "3s")
                    .assertCleanError();
            assertEquals(ExitCode.NO_ANSWER, r.exit(), r.err());
            String last = r.err().strip().lines().reduce((x, y) -> y).orElse("");
            assertTrue(last.startsWith("wakewire flash: the board on " + pty.first + " does not answer its bootloader"
                    + " (programmer arduino at 115200 baud"), r.err());
            assertTrue(r.err().contains("avrdude -c arduino"), "the command run is shown first: " + r.err());
        }
    }
}
