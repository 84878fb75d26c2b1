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

    // ---- the best-round-trip fit and its error bound, on synthetic exchanges with a known truth ----

    private static final long PROBE_TICKS = 62_500; // a probe every 250 ms of board time

    /**
     * {@code n} exchanges with a board drifting {@code ppm}; in each run of four exactly one (at a
     * random place) has the {@code before}/{@code after} delays alone, the other three also wait
     * up to {@code extraMax} ns more on a random side (a busy executor, a scheduler), or all on the
     * answer side when {@code skewed}.
     */
    private static ClockSync exchanges(int n, double ppm, long before, long after, long extraMax, boolean skewed,
                                       long seed) {
        ClockSync c = new ClockSync(4000);
        Random rnd = new Random(seed);
        int clean = rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
            if (i % 4 == 0) {
                clean = rnd.nextInt(4);
            }
            long t = i * PROBE_TICKS;
            long when = hostOf(t, 5_000_000_000L, ppm);
            long b = before;
            long a = after;
            if (i % 4 != clean) {
                long extra = 1 + (long) (rnd.nextDouble() * extraMax);
                if (skewed || rnd.nextBoolean()) {
                    a += extra;
                } else {
                    b += extra;
                }
            }
            c.addSample(when - b, t, when + a);
        }
        return c;
    }

    private static long errorAt(ClockSync c, long ticks, double ppm) {
        return c.hostNanos(ticks) - hostOf(ticks, 5_000_000_000L, ppm);
    }

    @Test
    void offsetAndDriftComeFromTheBestRoundTripsExactly() {
        double ppm = 120;
        ClockSync c = exchanges(40, ppm, 100_000, 100_000, 3_000_000, false, 7);
        long last = 39 * PROBE_TICKS;
        for (long t : new long[] {last - 4 * PROBE_TICKS, last, last + PROBE_TICKS}) {
            long err = errorAt(c, t, ppm);
            assertTrue(Math.abs(err) <= 2, "estimate of tick " + t + " off by " + err + " ns");
        }
        assertEquals(ppm, c.driftPpm(), 0.001);
        // the bound: the best samples' half round trip (100 µs), their residuals (none), and the
        // slope's uncertainty (2 x 100 µs over the 6.75-7.75 s the picks span) times the distance
        // from the newest pick (0-3 probes back from the last sample)
        long atLast = c.errorBoundNanos(last);
        assertTrue(atLast >= 100_000 && atLast <= 100_000 + 200_000 * 3 / 27 + 1, "bound " + atLast);
        long ahead = c.errorBoundNanos(last + PROBE_TICKS);
        assertTrue(ahead > atLast && ahead <= 100_000 + 200_000 * 4 / 27 + 1, "bound " + ahead);
        assertTrue(c.canVouch(last + PROBE_TICKS));
    }

    @Test
    void asymmetricDelaysStayInsideTheBound() {
        // the command waits 50 µs, the answer 350 µs: every midpoint is 150 µs late, which no
        // estimator can see; the bound (half the round trip) still covers it
        ClockSync c = exchanges(40, 0, 50_000, 350_000, 2_000_000, true, 11);
        long t = 39 * PROBE_TICKS;
        long err = errorAt(c, t, 0);
        assertEquals(150_000, err, 2);
        assertTrue(Math.abs(err) <= c.errorBoundNanos(t), "error " + err + " outside the bound " + c.errorBoundNanos(t));
        assertEquals(200_000, c.errorBoundNanos(t), 2);
    }

    @Test
    void slowAndLopsidedOutliersDoNotMoveTheEstimate() {
        // three exchanges in four wait 1 µs to 50 ms more, all on the answer side (the skew that
        // pulls a plain average late)
        ClockSync c = exchanges(40, -35, 120_000, 120_000, 50_000_000, true, 3);
        long t = 40 * PROBE_TICKS;
        long err = errorAt(c, t, -35);
        assertTrue(Math.abs(err) <= 2, "estimate off by " + err + " ns");
        assertEquals(2 * 120_000, c.bestRttNanos());
    }

    @Test
    void tooFewSamplesAreNotVouchedFor() {
        ClockSync c = new ClockSync(4000);
        for (int i = 0; i < ClockSync.VOUCH_MIN_SAMPLES; i++) {
            long t = i * PROBE_TICKS;
            assertFalse(c.canVouch(t), "vouched after " + i + " samples");
            assertEquals(-1, c.vouchedErrorNanos(t));
            long when = hostOf(t, 0, 0);
            c.addSample(when - 50_000, t, when + 50_000);
        }
        long t = ClockSync.VOUCH_MIN_SAMPLES * PROBE_TICKS;
        assertTrue(c.canVouch(t), "8 exact samples over 2 s: bound " + c.errorBoundNanos(t));
        assertEquals(c.errorBoundNanos(t), c.vouchedErrorNanos(t));
    }

    @Test
    void aClockThatWandersIsNotVouchedForUntilItSettles() {
        // a simulator that falls 5 % behind mid-window: the best samples no longer lie on a line
        ClockSync c = new ClockSync(4000);
        long host = 0;
        long t = 0;
        for (int i = 0; i < 24; i++) {
            c.addSample(host - 50_000, t, host + 50_000);
            host += 250_000_000;
            t += i < 16 ? PROBE_TICKS : Math.round(PROBE_TICKS * 0.95);
        }
        assertFalse(c.canVouch(t), "vouched for a wandering clock, bound " + c.errorBoundNanos(t));
        for (int i = 0; i < ClockSync.WINDOW; i++) { // a whole window at the new rate
            c.addSample(host - 50_000, t, host + 50_000);
            host += 250_000_000;
            t += Math.round(PROBE_TICKS * 0.95);
        }
        assertTrue(c.canVouch(t), "bound " + c.errorBoundNanos(t));
        assertTrue(Math.abs(c.hostNanos(t) - host) <= 2, "off by " + (c.hostNanos(t) - host));
    }

    @Test
    void anEstimateLaterThanTheEdgesArrivalIsNotVouchedFor() {
        ClockSync c = exchanges(40, 0, 100_000, 100_000, 1_000_000, false, 5);
        long t = 40 * PROBE_TICKS;
        long est = c.hostNanos(t);
        long bound = c.vouchedErrorNanos(t);
        assertTrue(bound > 0);
        assertEquals(bound, c.vouchedErrorNanos(t, est - bound), "arrived at the earliest the bound allows");
        assertEquals(-1, c.vouchedErrorNanos(t, est - bound - 1), "arrived before the edge could have happened");
    }

    @Test
    void theFramesWireTimesAreTakenOffTheirOwnSides() {
        // 115200 baud: the command (7 bytes) takes 608 µs, the answer (12 bytes) 1,042 µs; the host
        // adds 30 µs each way. A plain midpoint would be (1,042 - 608) / 2 = 217 µs late.
        long cmd = 607_638;
        long ans = 1_041_666;
        ClockSync plain = new ClockSync(4000);
        ClockSync wired = new ClockSync(4000);
        wired.setWireTimes(cmd, ans);
        for (int i = 0; i < 40; i++) {
            long t = i * PROBE_TICKS;
            long when = hostOf(t, 1_000_000_000L, 0);
            plain.addSample(when - 30_000 - cmd, t, when + ans + 30_000);
            wired.addSample(when - 30_000 - cmd, t, when + ans + 30_000);
        }
        long t = 40 * PROBE_TICKS;
        assertEquals((ans - cmd) / 2, plain.hostNanos(t) - hostOf(t, 1_000_000_000L, 0), 2);
        assertEquals(0, wired.hostNanos(t) - hostOf(t, 1_000_000_000L, 0), 2);
        assertEquals(60_000, wired.bestRttNanos(), "what is left of the round trip: the host's 2 x 30 µs");
    }
}
