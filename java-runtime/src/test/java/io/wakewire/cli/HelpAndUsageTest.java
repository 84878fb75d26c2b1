package io.wakewire.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HelpAndUsageTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "ports", "flash", "info", "monitor", "ping", "read", "sim", "demo", "gateway"})
    void everyCommandHasHelpWithTheExitCodes(String command) {
        Cli r = command.isEmpty() ? Cli.run("--help") : Cli.run(command, "--help");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("Usage: wakewire"), r.out());
        assertTrue(r.out().contains("Exit codes:"), r.out());
        assertTrue(r.out().contains("5    the board did not answer in time"), r.out());
    }

    @Test
    void noCommandIsAUsageError() {
        Cli r = Cli.run().assertCleanError();
        assertEquals(ExitCode.USAGE, r.exit());
        assertEquals("wakewire: a command is needed: ports, flash, info, monitor, ping, read, servo, i2c, sim, demo or gateway"
                + " (`wakewire --help` lists the commands)", r.err().strip());
    }

    @Test
    void anUnknownCommandIsAUsageErrorWithAPointerToHelp() {
        Cli r = Cli.run("flsh").assertCleanError();
        assertEquals(ExitCode.USAGE, r.exit());
        assertEquals(1, r.err().lines().count(), "one line: " + r.err());
        assertTrue(r.firstErrLine().contains("'flsh'"), r.err());
        assertTrue(r.firstErrLine().contains("did you mean wakewire flash?"), r.err());
        assertTrue(r.firstErrLine().endsWith("(`wakewire --help` lists the commands)"), r.err());
    }

    @Test
    void anUnknownOptionNamesItAndTheCommand() {
        Cli r = Cli.run("flash", "--prot", "/dev/ttyACM0").assertCleanError();
        assertEquals(ExitCode.USAGE, r.exit());
        assertTrue(r.firstErrLine().startsWith("wakewire flash: Unknown options: '--prot'"), r.err());
        assertEquals(1, r.err().lines().count(), "one line, the README's promise: " + r.err());
    }

    @Test
    void aBadDurationSaysWhatADurationLooksLike() {
        Cli r = Cli.run("sim", "--duration", "5x").assertCleanError();
        assertEquals(ExitCode.USAGE, r.exit());
        assertTrue(r.firstErrLine().contains("'5x' is not a duration (examples: 500ms, 5s, 1.5s, 2m)"), r.err());
        assertEquals(1, r.err().lines().count(), "one line: " + r.err());
    }

    @Test
    void versionNamesTheJava() {
        Cli r = Cli.run("--version");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("wakewire "), r.out());
        assertTrue(r.out().contains("Java " + Runtime.version()), r.out());
        // surefire runs with the export that the jar's manifest carries as Add-Exports
        assertTrue(r.out().contains("async engine: continuation"), r.out());
    }
}
