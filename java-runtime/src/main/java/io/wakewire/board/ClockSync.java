package io.wakewire.board;

/**
 * Maps board ticks to host time (the session executor's clock, {@link System#nanoTime()} scale):
 * {@code host = baseHost + slope·(ticks - baseTicks)}, with a bound on its error.
 *
 * <h2>Samples</h2>
 * A CLOCK exchange: the host sends at {@code t0}, the board reads its counter ({@code ticks})
 * while executing the command, the host decodes the answer at {@code t1}. By causality the
 * reading happened inside {@code [t0, t1]}, and more narrowly inside
 * {@code [t0 + command's wire time, t1 - answer's wire time]} ({@link #setWireTimes}: the board
 * reads its clock once the whole command is in, and the host decodes once the whole answer is;
 * the answer is the longer frame, 217 µs longer at 115200 baud, which a plain midpoint would
 * put on the wrong side). The middle of that interval is used, so a sample is off by at most half
 * its width, and by less the more symmetric the rest of the two paths are.
 *
 * <h2>The fit (NTP's rule: trust the best round trips)</h2>
 * Of the last {@value #WINDOW} samples (8 s at the heartbeat's four per second), cut into runs of
 * {@value #SEGMENT} from the newest back, each run gives its lowest-round-trip sample: a few
 * points about a second apart, each the least delayed of its neighbours. A sample that waited for
 * a busy executor or a scheduler (a slow round trip, an asymmetric one) never wins its run, so
 * outliers drop out. A weighted least-squares line goes through these points (weight: 1/rtt², so
 * tight samples count more, times the run's recency, so a clock whose rate wanders, like a
 * simulator's on a loaded machine, is followed). The slope is trusted once the points span a
 * second (before: the nominal tick), and clamped to ±10 % of nominal so a bad sample cannot make
 * the mapping absurd.
 *
 * <h2>Error bound, and vouching</h2>
 * {@link #errorBoundNanos} is the largest {@code |residual| + rtt/2} of the fitted points (how far
 * the truth can be from the line at those points, if the clock is as linear as they say), plus
 * how far the newest sample's interval misses the line (a rate that just changed), plus the
 * slope's uncertainty times the distance from the newest point. {@link #canVouch} says whether an
 * estimate is good enough to be printed as a measurement: at least {@value #VOUCH_MIN_SAMPLES}
 * samples and a bound under {@link #VOUCH_LIMIT_NANOS}. A clock that wanders more than its
 * samples' round trips (a simulator falling behind) shows up as residuals, and the sync stops
 * vouching. Owned by the session's executor thread; not thread-safe.
 */
final class ClockSync {

    static final int WINDOW = 32;
    static final int SEGMENT = 4;
    /** Below this the sync vouches for an estimate (with enough samples). */
    static final long VOUCH_LIMIT_NANOS = 1_000_000;
    static final int VOUCH_MIN_SAMPLES = 8;
    private static final double MAX_DRIFT = 0.10;
    /** A slope needs its points to span this much host time. */
    private static final long MIN_SLOPE_SPAN_NANOS = 1_000_000_000L;

    private final long[] ticks = new long[WINDOW];
    private final long[] mids = new long[WINDOW];
    private final long[] rtts = new long[WINDOW];
    private int count;
    private int next;
    private double nominalNsPerTick;
    private long commandWireNanos;
    private long answerWireNanos;

    /** Fitted: host = baseHost + slope * (ticks - baseTicks). */
    private long baseTicks;
    private long baseHost;
    private double slope;
    private boolean fitted;
    /** Bound at the newest fitted point, and its growth per tick away from it. */
    private long boundAtNewest;
    private long newestFitTicks;
    private double boundPerTick;

    ClockSync(double nominalNsPerTick) {
        reset(nominalNsPerTick);
    }

    /** Forgets every sample (the board reset, or its tick length changed). */
    void reset(double nominalNsPerTick) {
        this.nominalNsPerTick = nominalNsPerTick;
        this.count = 0;
        this.next = 0;
        this.fitted = false;
        this.slope = nominalNsPerTick;
    }

    /** How long the CLOCK command and its answer take on the wire (their bytes at the link's baud). */
    void setWireTimes(long commandNanos, long answerNanos) {
        this.commandWireNanos = commandNanos;
        this.answerWireNanos = answerNanos;
    }

    /** One CLOCK exchange: sent at {@code t0}, answered with {@code ticks64}, decoded at {@code t1}. */
    void addSample(long t0, long ticks64, long t1) {
        if (t1 < t0) {
            return;
        }
        long lo = t0 + commandWireNanos;
        long hi = t1 - answerWireNanos;
        if (hi < lo) { // faster than the wire allows: the wire times are wrong; fall back to [t0, t1]
            lo = t0;
            hi = t1;
        }
        ticks[next] = ticks64;
        mids[next] = lo + (hi - lo) / 2;
        rtts[next] = hi - lo; // the width the reading can lie in: what "round trip" means below
        next = (next + 1) % WINDOW;
        count = Math.min(count + 1, WINDOW);
        fit();
    }

    boolean isSynced() {
        return fitted;
    }

    /** The host time of board tick {@code ticks64}; {@link Long#MIN_VALUE} before the first sample. */
    long hostNanos(long ticks64) {
        if (!fitted) {
            return Long.MIN_VALUE;
        }
        return baseHost + Math.round(slope * (ticks64 - baseTicks));
    }

    /** Fitted nanoseconds per board tick. */
    double nanosPerTick() {
        return slope;
    }

    /** Drift against the nominal tick, in parts per million (positive: the board's clock is slow). */
    double driftPpm() {
        return (slope / nominalNsPerTick - 1) * 1e6;
    }

    /** The smallest round trip (less the two frames' wire times) in the window, in ns; -1 before the first sample. */
    long bestRttNanos() {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < count; i++) {
            min = Math.min(min, rtts[i]);
        }
        return count == 0 ? -1 : min;
    }

    int samples() {
        return count;
    }

    /**
     * How far {@link #hostNanos}(ticks64) may be from the truth, in ns, if the board's clock is as
     * linear as the fitted samples say; {@link Long#MAX_VALUE} before the first sample.
     */
    long errorBoundNanos(long ticks64) {
        if (!fitted) {
            return Long.MAX_VALUE;
        }
        double grow = boundPerTick * Math.abs((double) (ticks64 - newestFitTicks));
        return grow >= Long.MAX_VALUE / 2.0 ? Long.MAX_VALUE : boundAtNewest + Math.round(grow);
    }

    /** Whether the estimate of {@code ticks64} may be reported as a measurement (see the class doc). */
    boolean canVouch(long ticks64) {
        return count >= VOUCH_MIN_SAMPLES && errorBoundNanos(ticks64) <= VOUCH_LIMIT_NANOS;
    }

    /** The error bound when the sync vouches for the estimate of {@code ticks64}, else -1. */
    long vouchedErrorNanos(long ticks64) {
        return canVouch(ticks64) ? errorBoundNanos(ticks64) : -1;
    }

    /**
     * As {@link #vouchedErrorNanos(long)} for a reading known to have happened by host time
     * {@code notAfterNanos} (an edge, before the frame that carried it was decoded): an estimate
     * that puts it later than that, by more than its bound, is provably wrong and not vouched for.
     */
    long vouchedErrorNanos(long ticks64, long notAfterNanos) {
        long bound = vouchedErrorNanos(ticks64);
        return bound >= 0 && hostNanos(ticks64) - bound > notAfterNanos ? -1 : bound;
    }

    /** Index of the k-th newest sample (k = 0: the newest). */
    private int newest(int k) {
        return Math.floorMod(next - 1 - k, WINDOW);
    }

    private void fit() {
        // the lowest-round-trip sample of each run of SEGMENT, newest run first
        int runs = (count + SEGMENT - 1) / SEGMENT;
        int[] pick = new int[runs];
        for (int r = 0; r < runs; r++) {
            int best = -1;
            for (int k = r * SEGMENT; k < Math.min(count, (r + 1) * SEGMENT); k++) {
                int i = newest(k);
                if (best < 0 || rtts[i] < rtts[best]) {
                    best = i;
                }
            }
            pick[r] = best;
        }
        // weighted least squares, centred on the newest pick to keep the sums small
        long refT = ticks[pick[0]];
        long refH = mids[pick[0]];
        double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        double minX = 0, maxX = 0;
        for (int r = 0; r < runs; r++) {
            int i = pick[r];
            double rtt = Math.max(rtts[i], 1_000); // a µs floor: a zero round trip must not take all the weight
            double w = (double) (runs - r) / runs / (rtt * rtt);
            double x = ticks[i] - refT;
            double y = mids[i] - refH;
            sw += w;
            sx += w * x;
            sy += w * y;
            sxx += w * x * x;
            sxy += w * x * y;
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
        }
        double meanX = sx / sw;
        double meanY = sy / sw;
        double varX = sxx - sx * sx / sw;
        double s = nominalNsPerTick;
        boolean slopeFitted = runs >= 2 && varX > 0 && (maxX - minX) * nominalNsPerTick >= MIN_SLOPE_SPAN_NANOS;
        if (slopeFitted) {
            s = (sxy - sx * sy / sw) / varX;
            s = Math.max(nominalNsPerTick * (1 - MAX_DRIFT), Math.min(nominalNsPerTick * (1 + MAX_DRIFT), s));
        }
        long mx = Math.round(meanX);
        baseTicks = refT + mx;
        baseHost = refH + Math.round(meanY - s * (meanX - mx));
        slope = s;
        fitted = true;
        // the bound: worst |residual| + rtt/2 over the picks, growing with the slope's uncertainty
        long worst = 0;
        long maxHalfRtt = 0;
        for (int r = 0; r < runs; r++) {
            int i = pick[r];
            long resid = Math.abs(mids[i] - hostNanos(ticks[i]));
            worst = Math.max(worst, resid + rtts[i] / 2);
            maxHalfRtt = Math.max(maxHalfRtt, rtts[i] / 2);
        }
        // the newest sample, pick or not, must agree too: a clock whose rate just changed shows
        // it there first (by how far its whole interval [t0, t1] misses the line)
        int n0 = newest(0);
        long miss = Math.abs(mids[n0] - hostNanos(ticks[n0])) - rtts[n0] / 2;
        worst += Math.max(0, miss);
        boundAtNewest = worst;
        newestFitTicks = refT;
        double spanTicks = maxX - minX;
        // with a fitted slope: its error is at most (two points' worst error) over their span; with
        // the nominal slope, the clamp's ±10 % is all that is known
        boundPerTick = slopeFitted ? 2.0 * worst / spanTicks : nominalNsPerTick * MAX_DRIFT;
        if (!slopeFitted) {
            boundAtNewest = Math.max(worst, maxHalfRtt);
        }
    }
}
