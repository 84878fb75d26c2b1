package io.wakewire.cli;

import io.wakewire.sim.BuildArtifacts;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --board-config FILE: a board file of the user's own, given by path, its mistakes named by file:line:key. */
class BoardConfigOptionTest {

    @TempDir
    Path tmp;

    /** The Uno's config as "myuno", with the given line replaced. */
    private Path myUno(String from, String to) throws Exception {
        String uno = Files.readString(BuildArtifacts.locate().root().resolve("board-configs/uno.conf"));
        assertTrue(uno.contains(from), from);
        Path f = tmp.resolve("myuno.conf");
        Files.writeString(f, uno.replace("board = uno", "board = myuno").replace(from, to));
        return f;
    }

    @Test
    void theFilesValuesAreUsed() throws Exception {
        Path f = myUno("upload_baud = 115200", "upload_baud = 57600");
        Cli r = Cli.run("flash", "--board-config", f.toString(), "--port", "/dev/ttyACM0", "--hex", f.toString(), "--dry-run");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("avrdude -c arduino -p m328p -P /dev/ttyACM0 -b 57600 "), r.out());
    }

    @Test
    void aMistakeInTheFileIsNamedByFileLineAndKey() throws Exception {
        Path f = myUno("baud = 1000000", "baud = fast");
        long line = Files.readString(f).lines().takeWhile(l -> !l.equals("baud = fast")).count() + 1;
        Cli r = Cli.run("info", "--board-config", f.toString(), "--port", "/dev/ttyACM0").assertCleanError();
        assertEquals(ExitCode.USAGE, r.exit());
        assertEquals("wakewire info: " + f + ":" + line + ": key 'baud': 'fast' is not a positive whole number of baud",
                r.err().strip());
    }

    @Test
    void aMissingFileIsNamed() {
        Path f = tmp.resolve("none.conf");
        Cli r = Cli.run("ping", "--board-config", f.toString(), "--port", "/dev/ttyACM0").assertCleanError();
        assertEquals(ExitCode.USAGE, r.exit());
        assertEquals("wakewire ping: " + f + ": no such file (--board-config)", r.err().strip());
    }

    @Test
    void aBoardNameAndAFileTogetherAreAUsageError() throws Exception {
        Path f = myUno("upload_baud = 115200", "upload_baud = 115200");
        Cli r = Cli.run("info", "--board", "uno", "--board-config", f.toString(), "--port", "/dev/ttyACM0").assertCleanError();
        assertEquals(ExitCode.USAGE, r.exit());
        assertTrue(r.firstErrLine().endsWith("name two boards; give one"), r.err());
    }
}
