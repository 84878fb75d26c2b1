package io.wakewire.bench.bridge;

import io.wakewire.bench.Metrics;
import io.wakewire.sim.BuildArtifacts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code make bench-bridge}: the host bridge end to end, as {@code METRIC <name> <value> <unit>}
 * lines. Arguments: the 115200-baud firmware ELF (optional; skipped with a note when absent).
 *
 * <ul>
 *   <li>{@code edges_per_s_1M}, {@code edges_per_s_115200}: highest sustained zero-loss edge rate
 *       ({@link EdgeRateProbe}), the virtual board paced to the wall clock;</li>
 *   <li>{@code byte_to_task_us_p50}, {@code _p99}: bytes written into a pty to the awaiting task
 *       running ({@link ByteToTaskProbe});</li>
 *   <li>{@code connect_to_ready_ms}, {@code idle_cpu_share} ({@link IdleCpuProbe});</li>
 *   <li>{@code clock_sync_error_us_p50}, {@code _p99}, {@code _max}: the host's estimate of an edge's
 *       time against the vboard's wall-clock truth, after 5 s of syncing ({@link ClockSyncProbe}).</li>
 * </ul>
 */
public final class BridgeBenchMain {

    private BridgeBenchMain() {
    }

    public static void main(String[] args) throws Exception {
        BuildArtifacts a = BuildArtifacts.locate();
        Path elf1M = a.firmware("uno");
        Metrics.machine();
        Metrics.note("serial links by " + io.wakewire.board.BoardOptions.defaults().links().getClass().getSimpleName());

        double[] idle = IdleCpuProbe.run(elf1M, Duration.ofSeconds(10));
        Metrics.print("connect_to_ready_ms", Math.round(idle[0] * 10) / 10.0, "ms");
        Metrics.print("idle_cpu_share", Math.round(idle[1] * 10000) / 10000.0, "cores");

        // the clock sync against the vboard's wall-clock truth, after 5 s of syncing
        ClockSyncBenchMain.report(ClockSyncProbe.run(elf1M, Duration.ofSeconds(5), 200, java.util.List.of()));

        long[] lat = ByteToTaskProbe.run(2000);
        Metrics.print("byte_to_task_us_p50", Math.round(Metrics.percentile(lat, 50) / 100.0) / 10.0, "us");
        Metrics.print("byte_to_task_us_p99", Math.round(Metrics.percentile(lat, 99) / 100.0) / 10.0, "us");

        int best1M = new EdgeRateProbe(elf1M, 1_000_000).highestZeroLoss(
                new int[] {5_000, 10_000, 12_500, 15_000, 17_500, 20_000, 25_000, 30_000, 40_000}, 2.0);
        Metrics.print("edges_per_s_1M", best1M, "edges/s");

        if (args.length > 0 && Files.isRegularFile(Path.of(args[0]))) {
            int best115 = new EdgeRateProbe(Path.of(args[0]), 115_200).highestZeroLoss(
                    new int[] {1_000, 2_000, 2_500, 3_000, 3_500, 4_000, 5_000, 6_000}, 2.0);
            Metrics.print("edges_per_s_115200", best115, "edges/s");
        } else {
            Metrics.note("edges_per_s_115200 skipped: no 115200-baud firmware given (make bench-bridge builds one)");
        }
    }
}
