package io.wakewire.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code wakewire flash --modules}: which firmware it builds and flashes, and the names it refuses. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FlashModulesTest {

    @Test
    void dryRunNamesTheHexOfTheChosenModules() {
        Cli none = Cli.run("flash", "--port", "/dev/ttyACM0", "--modules", "none", "--dry-run");
        assertEquals(0, none.exit(), none.err());
        assertTrue(none.out().strip().endsWith("/build/uno-modules-none/wakewire.hex:i"), none.out());
        Cli analog = Cli.run("flash", "--board", "nano", "--port", "/dev/ttyACM0", "--modules", "analog,analog", "-n");
        assertEquals(0, analog.exit(), analog.err());
        assertTrue(analog.out().strip().endsWith("/build/nano-modules-analog/wakewire.hex:i"), analog.out());
    }

    @Test
    void anUnknownModuleIsAUsageErrorNamingTheKnownOnes() {
        Cli r = Cli.run("flash", "--port", "/dev/ttyACM0", "--modules", "analog,sonar", "-n").assertCleanError();
        assertEquals(ExitCode.USAGE, r.exit());
        assertTrue(r.firstErrLine().contains("--modules: no firmware module 'sonar' (modules: analog, i2c, pwm, servo, stream; 'none' alone for the core)"),
                r.err());
        Cli withHex = Cli.run("flash", "--port", "/dev/ttyACM0", "--modules", "none", "--hex", "x.hex", "-n").assertCleanError();
        assertEquals(ExitCode.USAGE, withHex.exit());
        assertTrue(withHex.firstErrLine().contains("--modules chooses what the firmware is built with"), withHex.err());
    }

    @Test
    void theCheckoutBuildsTheCoreAloneWhereTheDryRunSaid() throws Exception {
        Checkout c = Checkout.find().orElseThrow();
        Path hex = c.buildFirmware("uno", List.of(), new PrintWriter(new StringWriter()));
        assertEquals(c.firmwareDir("uno", List.of()).resolve("wakewire.hex"), hex);
        Path full = c.buildFirmware("uno", List.of("analog"), new PrintWriter(new StringWriter()));
        // the core alone has no ADC handler: its image is the smaller of the two
        assertTrue(Files.size(hex) < Files.size(full), Files.size(hex) + " B vs " + Files.size(full) + " B");
        assertTrue(Files.readString(hex.resolveSibling("modules.h")).contains("MODULES=\"\""));
        assertTrue(Files.readString(full.resolveSibling("modules.h")).contains("#include \"analog/module.h\""));
    }
}
