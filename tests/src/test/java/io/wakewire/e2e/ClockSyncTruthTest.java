package io.wakewire.e2e;

import io.wakewire.bench.bridge.ClockSyncProbe;
import io.wakewire.bench.Metrics;
import io.wakewire.sim.BuildArtifacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The clock sync against the virtual board's truth (the vboard prints the wall-clock time at which
 * it simulated each pulse's edge; see {@link ClockSyncProbe}). The bounds are generous: a loaded
 * machine makes the simulated clock itself wander by milliseconds (bench-bridge reports the
 * figures; on a quiet machine they are a few hundred µs).
 */
@Timeout(90)
class ClockSyncTruthTest {

    @Test
    void edgeTimesAgreeWithTheVirtualBoardsWallClock() throws Exception {
        ClockSyncProbe.Result r = ClockSyncProbe.run(BuildArtifacts.locate().firmware("uno"), Duration.ofSeconds(5), 100,
                List.of());
        long[] abs = Arrays.stream(r.errorsNanos()).map(Math::abs).toArray();
        double p50 = Metrics.percentile(abs, 50);
        String figures = "median error " + p50 / 1e3 + " us over " + abs.length + " edges; vouched for " + r.vouched()
                + ", " + r.outsideBound() + " of them outside their bound; errors (ns): " + Arrays.toString(r.errorsNanos());
        assertTrue(p50 < 5_000_000, figures);
        // a vouched estimate lies within its bound of the vboard's mapping (slack: the ISR's entry
        // and the 4 µs tick, and the simulator running up to its pace slack ahead of the line)
        assertTrue(r.outsideBound() <= r.vouched() / 20, "vouched estimates outside their bound: " + figures
                + r.outsideBoundDetail());
        if (r.vouched() > 0) {
            long[] vouched = Arrays.stream(r.vouchedErrorsNanos()).map(Math::abs).toArray();
            assertTrue(Metrics.percentile(vouched, 50) <= 2 * 1_000_000, "vouched estimates: " + figures);
        }
    }
}
