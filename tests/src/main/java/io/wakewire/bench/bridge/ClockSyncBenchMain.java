package io.wakewire.bench.bridge;

import io.wakewire.bench.Metrics;
import io.wakewire.sim.BuildArtifacts;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The clock sync's error against the virtual board's wall-clock truth ({@link ClockSyncProbe}) on
 * its own, after 5 s of syncing, 200 pulses: {@code clock_sync_error_us_p50/_p99/_max} from the
 * estimate to the span between the vboard's simulated-time to wall-clock mapping ({@code paced=})
 * and when the simulator really got to the edge ({@code wall=}), which on a quiet machine is the
 * pace slack (100 µs) wide; {@code clock_sync_error_vs_paced_us_p99} and {@code _vs_wall_us_p99}
 * against each end alone. Arguments
 * are passed to the vboard (e.g. {@code --pace-slack-us 1000}). {@code make bench-bridge} runs the
 * same probe.
 */
public final class ClockSyncBenchMain {

    private ClockSyncBenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Metrics.machine();
        report(ClockSyncProbe.run(BuildArtifacts.locate().firmware("uno"), Duration.ofSeconds(5), 200, List.of(args)));
    }

    static void report(ClockSyncProbe.Result r) {
        long[] abs = Arrays.stream(r.errorsNanos()).map(Math::abs).toArray();
        long[] signed = r.errorsNanos();
        long[] vouched = Arrays.stream(r.vouchedErrorsNanos()).map(Math::abs).toArray();
        Metrics.note("clock sync vs the vboard's truth: " + signed.length + " edges, mean error "
                + us(Arrays.stream(signed).average().orElse(0)) + " us; the vboard ran at " + r.vboardSpeed()
                + " x real time; the sync vouched for " + r.vouched() + " (largest bound " + us(r.worstBoundNanos())
                + " us, " + r.outsideBound() + " outside their bound"
                + (vouched.length > 0 ? "; their error p50 " + us(Metrics.percentile(vouched, 50)) + " us, max "
                + us(Metrics.percentile(vouched, 100)) + " us" : "") + ")");
        Metrics.print("clock_sync_error_us_p50", us(Metrics.percentile(abs, 50)), "us");
        Metrics.print("clock_sync_error_us_p99", us(Metrics.percentile(abs, 99)), "us");
        Metrics.print("clock_sync_error_us_max", us(Metrics.percentile(abs, 100)), "us");
        // how often the sync vouched, and whether a vouched estimate ever lay outside its bound (never should)
        Metrics.print("clock_sync_vouched_share", Math.round(1000.0 * r.vouched() / signed.length) / 1000.0, "of edges");
        Metrics.print("clock_sync_vouched_outside_bound", r.outsideBound(), "edges");
        // against each end alone: the vboard's mapping, and when the simulator really got to each
        // edge (the same on a quiet machine; on a loaded one the simulator's lag and hiccups)
        long[] vsPaced = Arrays.stream(r.errorsVsPacedNanos()).map(Math::abs).toArray();
        Metrics.print("clock_sync_error_vs_paced_us_p99", us(Metrics.percentile(vsPaced, 99)), "us");
        long[] vsWall = Arrays.stream(r.errorsVsWallNanos()).map(Math::abs).toArray();
        Metrics.print("clock_sync_error_vs_wall_us_p99", us(Metrics.percentile(vsWall, 99)), "us");
        Metrics.note("true pin-to-host latency (wall= to the frame decoded): p50 "
                + us(Metrics.percentile(r.trueLatencyNanos(), 50)) + " us, p99 "
                + us(Metrics.percentile(r.trueLatencyNanos(), 99)) + " us");
    }

    private static double us(double nanos) {
        return Math.round(nanos / 100.0) / 10.0;
    }
}
