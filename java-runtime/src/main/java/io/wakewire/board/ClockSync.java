package io.wakewire.board;

/**
 * Maps board ticks to host time ({@link System#nanoTime()} scale): {@code host = a + b·ticks}.
 *
 * <p>Samples come from CLOCK exchanges: the host sends at {@code t0}, the board reads its counter
 * {@code ticks} while executing the command, the host decodes the answer at {@code t1}. The board's
 * reading lies somewhere in {@code [t0, t1]}; the midpoint is used, so a sample's error is at most
 * half its round trip. Round trips vary (the executor was busy, the OS scheduled late), so the fit
 * uses only the good ones: <b>min-RTT filtering</b> keeps, of the last {@value #WINDOW} samples,
 * those whose round trip is within {@code 1.5 × min + 200 µs}, and fits a least-squares line
 * through them (offset and drift). With one good sample (or all samples at nearly the same tick)
 * the slope is the nominal tick length.
 *
 * <p>Trade-offs: a longer window averages drift better but follows a changing rate more slowly;
 * {@value #WINDOW} samples at one per heartbeat (500 ms) span 8 s, short because a virtual board's
 * clock runs as fast as its simulator keeps up (92 % of real time on a loaded 2-core machine, and
 * changing with the load), while a real crystal stays within 100 ppm and any window fits it. The
 * slope is clamped to ±10 % of nominal (the simulator's slowdown, far beyond a crystal's error) so
 * that a bad sample cannot turn the mapping absurd. Owned by the session's executor thread; not
 * thread-safe.
 */
final class ClockSync {

    static final int WINDOW = 16;
    private static final double MAX_DRIFT = 0.10;

    private final long[] ticks = new long[WINDOW];
    private final long[] mids = new long[WINDOW];
    private final long[] rtts = new long[WINDOW];
    private int count;
    private int next;
    private double nominalNsPerTick;

    /** Fitted: host = baseHost + slope * (ticks - baseTicks). */
    private long baseTicks;
    private long baseHost;
    private double slope;
    private boolean fitted;

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

    /** One CLOCK exchange: sent at {@code t0}, answered with {@code ticks64}, decoded at {@code t1}. */
    void addSample(long t0, long ticks64, long t1) {
        if (t1 < t0) {
            return;
        }
        ticks[next] = ticks64;
        mids[next] = t0 + (t1 - t0) / 2;
        rtts[next] = t1 - t0;
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

    /** The smallest round trip in the window, in ns (the sync's error bound is half of it). */
    long bestRttNanos() {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < count; i++) {
            min = Math.min(min, rtts[i]);
        }
        return count == 0 ? -1 : min;
    }

    static final long VOUCH_LIMIT_NANOS = 1_000_000;
    static final int VOUCH_MIN_SAMPLES = 8;

    /** Bound on the error of {@link #hostNanos}(ticks64). (old estimator: half the best round trip) */
    long errorBoundNanos(long ticks64) {
        return count == 0 ? Long.MAX_VALUE : bestRttNanos() / 2;
    }

    boolean canVouch(long ticks64) {
        return count >= VOUCH_MIN_SAMPLES && errorBoundNanos(ticks64) <= VOUCH_LIMIT_NANOS;
    }

    /** The error bound when the sync vouches for the estimate of {@code ticks64}, else -1. */
    long vouchedErrorNanos(long ticks64) {
        return canVouch(ticks64) ? errorBoundNanos(ticks64) : -1;
    }

    int samples() {
        return count;
    }

    private void fit() {
        long minRtt = bestRttNanos();
        long limit = minRtt + minRtt / 2 + 200_000;
        // Centre on the newest good sample to keep the sums small and exact enough in doubles.
        long refT = 0;
        long refH = 0;
        boolean haveRef = false;
        int n = 0;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int i = 0; i < count; i++) {
            if (rtts[i] > limit) {
                continue;
            }
            if (!haveRef) {
                refT = ticks[i];
                refH = mids[i];
                haveRef = true;
            }
            double x = ticks[i] - refT;
            double y = mids[i] - refH;
            n++;
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        double s = nominalNsPerTick;
        double varX = n > 0 ? sxx - sx * sx / n : 0;
        // Need a spread of at least ~1 s of ticks before trusting a slope.
        if (n >= 2 && varX > 0 && (Math.sqrt(varX / n) * nominalNsPerTick) > 2e8) {
            s = (sxy - sx * sy / n) / varX;
            s = Math.max(nominalNsPerTick * (1 - MAX_DRIFT), Math.min(nominalNsPerTick * (1 + MAX_DRIFT), s));
        }
        double meanX = sx / n;
        double meanY = sy / n;
        baseTicks = refT + Math.round(meanX);
        baseHost = refH + Math.round(meanY - s * (meanX - Math.round(meanX)));
        slope = s;
        fitted = true;
    }
}
