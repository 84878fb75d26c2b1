package io.wakewire.board;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClockSyncTest {

    /** A board whose tick is 4000 ns × (1 + drift), started at host time {@code origin}. */
    private static long hostOf(long ticks, long origin, double driftPpm) {
        return origin + Math.round(ticks * 4000.0 * (1 + driftPpm * 1e-6));
    }

    @Test
    void beforeAnySampleThereIsNoEstimate() {
        ClockSync c = new ClockSync(4000);
        assertFalse(c.isSynced());
        assertEquals(Long.MIN_VALUE, c.hostNanos(1000));
    }

    @Test
    void oneSampleGivesTheOffsetWithTheNominalRate() {
        ClockSync c = new ClockSync(4000);
        c.addSample(1_000_000, 500, 1_200_000); // mid 1.1 ms at tick 500
        assertEquals(1_100_000, c.hostNanos(500));
        assertEquals(1_100_000 + 4000 * 250, c.hostNanos(750));
    }

    @Test
    void fitsOffsetAndDriftAndIgnoresSlowRoundTrips() {
        double drift = 120; // ppm, a poor crystal
        long origin = 7_000_000_000L;
        ClockSync c = new ClockSync(4000);
        Random rnd = new Random(42);
        for (int i = 0; i < 60; i++) { // more than the window: the oldest samples drop out
            long ticks = i * 125_000L; // one sample every 0.5 s of board time
            long when = hostOf(ticks, origin, drift);
            boolean slow = rnd.nextInt(4) == 0; // a quarter of the exchanges waited for a busy executor
            long before = 100_000 + rnd.nextInt(20_000);
            long after = slow ? 5_000_000 + rnd.nextInt(3_000_000) : 100_000 + rnd.nextInt(20_000);
            c.addSample(when - before, ticks, when + after);
        }
        assertEquals(drift, c.driftPpm(), 5.0);
        long probe = 60 * 125_000L;
        long err = Math.abs(c.hostNanos(probe) - hostOf(probe, origin, drift));
        assertTrue(err < 50_000, "estimate off by " + err + " ns");
        assertTrue(c.bestRttNanos() < 250_000);
    }

    @Test
    void aSimulatorRunningSlowIsFollowed() {
        ClockSync c = new ClockSync(4000);
        for (int i = 0; i < 20; i++) {
            long ticks = i * 125_000L;
            long when = hostOf(ticks, 0, 80_000); // the board's clock runs 8 % slow
            c.addSample(when - 100_000, ticks, when + 100_000);
        }
        long probe = 20 * 125_000L;
        assertTrue(Math.abs(c.hostNanos(probe) - hostOf(probe, 0, 80_000)) < 100_000);
    }

    @Test
    void anAbsurdSlopeIsClamped() {
        ClockSync c = new ClockSync(4000);
        c.addSample(0, 0, 1000);
        c.addSample(2_000_000_000L, 250_000, 2_000_001_000L); // says 8000 ns/tick: 100% drift
        c.addSample(4_000_000_000L, 500_000, 4_000_001_000L);
        assertTrue(c.nanosPerTick() <= 4000 * 1.10 + 1e-9, "slope " + c.nanosPerTick());
    }
}
