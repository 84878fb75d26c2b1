package io.wakewire.cli;

import io.wakewire.sim.VirtualBoard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code wakewire monitor --pulses D2} on the real firmware in a virtual Uno: the widths the vboard drove, to the tick. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MonitorPulsesTest {

    @Test
    void csvWidthsAreTheDrivenWidths() throws Exception {
        try (VirtualBoard uno = VirtualUno.start()) {
            uno.set("D2", false);
            BackgroundCli monitor = new BackgroundCli("monitor", "--port", uno.port(), "--pulses", "D2", "--csv",
                    "--count", "3");
            monitor.awaitErr("monitoring high pulses on D2", Duration.ofSeconds(30)); // printed once armed
            // A first pulse (not measured: nothing showed D2 low before it), then 100 µs, 40 µs and 2 ms high.
            uno.pattern("D2", 8000, 8000, 1600, 8000, 640, 8000, 32000);
            Cli r = monitor.result(Duration.ofSeconds(30));
            assertEquals(0, r.exit(), r.err());
            List<String> lines = r.out().lines().toList();
            assertEquals(PulseMonitor.CSV_HEADER, lines.get(0));
            assertEquals(4, lines.size(), r.out());
            long[] ticks = {25, 10, 500}; // widths / 64 cycles a tick, all whole ticks
            for (int i = 0; i < 3; i++) {
                String[] f = lines.get(i + 1).split(",", -1);
                assertEquals("D2", f[0]);
                assertEquals("1", f[1]);
                assertTrue(Math.abs(Long.parseLong(f[4]) - ticks[i]) <= 1, lines.get(i + 1));
                assertEquals(Long.parseLong(f[4]) * 4000, Long.parseLong(f[5]));
                assertEquals("1", f[6], "exact");
                assertEquals("0", f[7], "lost");
            }
            assertTrue(r.err().contains("summary: 3 high pulses on D2, 0 loss(es)"), r.err());
        }
    }

    @Test
    void aPinWithoutEdgesIsAUsageErrorBeforeConnecting() {
        Cli r = Cli.run("monitor", "--board", "uno", "--port", "/dev/null-nothing", "--pulses", "D99");
        assertEquals(ExitCode.USAGE, r.exit(), r.err());
        assertTrue(r.firstErrLine().contains("--pulses"), r.err());
    }
}
