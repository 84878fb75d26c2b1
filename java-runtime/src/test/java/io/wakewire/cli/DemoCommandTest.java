package io.wakewire.cli;

import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo's own virtual board, its four tasks, and a summary with every driven edge and no loss. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DemoCommandTest {

    @Test
    void onAVirtualBoardEveryDrivenEdgeArrivesAndNothingIsLost() {
        VirtualUno.start().close(); // skips, with the reason, where vboard or the firmware is not built
        Cli r = Cli.run("demo", "--no-build", "--duration", "3s", "--rate", "100");
        assertEquals(0, r.exit(), r.out() + r.err());
        String out = r.out();
        assertTrue(out.startsWith("virtual uno on /dev/pts/"), out);
        Matcher train = Pattern.compile("pulse train D2 +(\\d+) edges of (\\d+) driven").matcher(out);
        assertTrue(train.find(), out);
        assertEquals(train.group(2), train.group(1), out);
        assertEquals(180, Integer.parseInt(train.group(2)), "100 edges/s for 60% of 3 s");
        Matcher reads = Pattern.compile("analog A0 +(\\d+) readings every 100 ms, last \\d\\.\\d\\d V").matcher(out);
        assertTrue(reads.find(), out);
        assertTrue(Integer.parseInt(reads.group(1)) >= 20, "about 30 reads in 3 s: " + out);
        assertTrue(out.matches("(?s).*blink D13 +\\d+ writes.*"), out);
        assertTrue(out.matches("(?s).*servo D9 follows A0: \\d+ moves, last [0-9.]+ deg; the virtual board measured \\d+ pulses on D9, last [0-9.]+ us.*"),
                out);
        assertTrue(out.contains("race D3          the edge won after"), out);
        assertTrue(out.contains("i2c              BMP280 at 0x76: chip id 0x58, 25.08 °C"), out); // the datasheet's example
        assertTrue(out.contains("losses           0 (0 expected)"), out);
        assertTrue(out.contains("level order      0 repeated level(s)"), out);
        assertTrue(out.matches("(?s).*round trip       p50 [0-9.]+ p99 [0-9.]+ max [0-9.]+ ms \\(50 pings\\).*"), out);
    }

    @Test
    void aBadRateIsAUsageError() {
        Cli r = Cli.run("demo", "--rate", "1").assertCleanError();
        assertEquals(ExitCode.USAGE, r.exit());
        assertTrue(r.firstErrLine().contains("--rate 1 is out of range"), r.err());
    }

    @Test
    void aRealBoardThatIsNotThereIsAPortError() {
        Cli r = Cli.run("demo", "--port", "/dev/ttyACM-nonexistent").assertCleanError();
        assertEquals(ExitCode.PORT, r.exit());
        assertTrue(r.out().contains("a jumper from D13 to D2"), "the wiring is explained first: " + r.out());
    }
}
