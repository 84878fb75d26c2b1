package io.wakewire.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SimCommandTest {

    @Test
    void runsAVirtualUnoAndPrintsItsPortFirstThenStopsAtTheDuration() {
        Cli r = Cli.run("sim", "--board", "uno", "--duration", "1500ms");
        assertEquals(0, r.exit(), r.err());
        String port = r.out().lines().findFirst().orElse("");
        assertTrue(port.startsWith("/dev/pts/"), r.out());
        assertTrue(r.err().contains("virtual uno running on " + port), r.err());
        assertFalse(Files.exists(Path.of(port)), "the pty should be gone once the board stopped: " + port);
    }

    @Test
    void anUnknownBoardIsAUsageError() {
        Cli r = Cli.run("sim", "--board", "leonardo", "--duration", "1s").assertCleanError();
        assertEquals(ExitCode.USAGE, r.exit());
        assertTrue(r.firstErrLine().startsWith("wakewire sim: "), r.err());
        assertTrue(r.firstErrLine().contains("no board 'leonardo'"), r.err());
    }
}
