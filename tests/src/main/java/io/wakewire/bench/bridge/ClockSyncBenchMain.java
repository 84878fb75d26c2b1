package io.wakewire.bench.bridge;

import io.wakewire.bench.Metrics;
import io.wakewire.sim.BuildArtifacts;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The clock sync's error against the virtual board's wall-clock truth ({@link ClockSyncProbe}) on
 * its own: {@code clock_sync_error_us_p50/_p99/_max} after 5 s of syncing, 200 pulses. Arguments
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
        Metrics.note("clock sync vs the vboard's truth: " + signed.length + " edges, mean error "
                + Math.round(Arrays.stream(signed).average().orElse(0) / 100.0) / 10.0 + " us; vouched for "
                + r.vouched() + " (largest bound " + Math.round(r.worstBoundNanos() / 100.0) / 10.0 + " us, "
                + r.outsideBound() + " outside their bound)");
        Metrics.print("clock_sync_error_us_p50", Math.round(Metrics.percentile(abs, 50) / 100.0) / 10.0, "us");
        Metrics.print("clock_sync_error_us_p99", Math.round(Metrics.percentile(abs, 99) / 100.0) / 10.0, "us");
        Metrics.print("clock_sync_error_us_max", Math.round(Metrics.percentile(abs, 100) / 100.0) / 10.0, "us");
    }
}
