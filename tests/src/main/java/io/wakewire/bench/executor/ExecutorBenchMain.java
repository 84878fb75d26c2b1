package io.wakewire.bench.executor;

import io.wakewire.bench.Metrics;
import org.HdrHistogram.Histogram;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * {@code make bench-executor}: every executor figure, printed as {@code METRIC <name> <value> <unit>}
 * lines, with the floors the issue sets checked (a missed floor is printed, not thrown: a
 * benchmark reports, it does not judge the machine).
 *
 * <ol>
 *   <li>JMH, every benchmark in the same run: wakewire next to a bare JDK continuation,
 *       kotlinx-coroutines, Netty (NIO and DefaultEventLoop), CompletableFuture and virtual
 *       threads, with the same batch sizes. One fork, 2 warm-up and 3 measured iterations of 1 s
 *       by default; {@code FORKS=}, {@code ITERATIONS=} and {@code ONLY=} (a regex of method
 *       names) in the environment change that (make passes them through).</li>
 *   <li>{@code await(yieldNow())} against the bare continuation once more, by thread CPU time
 *       in alternating batches ({@link YieldCpuTime}), a ratio that other processes' load does
 *       not skew as it skews two wall-clock figures measured at different times.</li>
 *   <li>Cross-thread wake latency, p50 and p99, from an HdrHistogram.</li>
 *   <li>Heap per sleeping task, each kind in a JVM of its own with {@code -Xmx512m}, after a
 *       warm-up of 200,000 sleepers of the same kind that sleep 1 ms to completion (the steady
 *       state, as JMH measures after its warm-up); the async layer also cold, with no warm-up
 *       (a body frozen before the JIT compiled the await path keeps its larger interpreted
 *       frames).</li>
 *   <li>A {@code *_ratio} line, ours / theirs, for each pair measured here, with the issue's
 *       floors on the ratios (a ratio compares figures of one run on one machine, so it
 *       holds under load where an absolute figure would not).</li>
 * </ol>
 */
public final class ExecutorBenchMain {

    private static final String EXPORT = "--add-exports=java.base/jdk.internal.vm=ALL-UNNAMED";
    private static final int SLEEPERS = 1_000_000;
    private static final int WARM_UP_SLEEPERS = 200_000;

    /** JMH method -> metric name, in print order. */
    private static final Map<String, String> JMH_METRICS = new java.util.LinkedHashMap<>();

    static {
        JMH_METRICS.put("spawnAndComplete", "spawn_and_complete_ns");
        JMH_METRICS.put("completableFutureSameThread", "completable_future_same_thread_ns");
        JMH_METRICS.put("spawnKotlinx", "spawn_kotlinx_ns");
        JMH_METRICS.put("spawnNettyNio", "spawn_netty_nio_ns");
        JMH_METRICS.put("spawnNettyLocal", "spawn_netty_local_ns");
        JMH_METRICS.put("completableFuture", "completable_future_ns");
        JMH_METRICS.put("virtualThreadStart", "vthread_start_ns");
        JMH_METRICS.put("selfWakePoll", "self_wake_poll_ns");
        JMH_METRICS.put("selfWakeNetty", "self_wake_netty_ns");
        JMH_METRICS.put("asyncYield", "async_yield_ns");
        JMH_METRICS.put("asyncYieldBareContinuation", "continuation_yield_ns");
        JMH_METRICS.put("asyncYieldKotlinx", "async_yield_kotlinx_ns");
        JMH_METRICS.put("asyncYieldKotlinxLoop", "async_yield_kotlinx_loop_ns");
        JMH_METRICS.put("asyncBaton", "async_baton_ns");
        JMH_METRICS.put("futureBaton", "future_baton_ns");
        JMH_METRICS.put("asyncBatonKotlinx", "async_baton_kotlinx_ns");
        JMH_METRICS.put("awaitSwitchHandoff", "await_switch_handoff_ns");
    }

    /** Absolute ceilings that predate the peers (no regression of self-wake and cross-thread wake). */
    private static final Map<String, Double> FLOORS = Map.of(
            "spawn_and_complete_ns", 150.0,
            "self_wake_poll_ns", 50.0,
            "async_yield_ns", 2_000.0,
            "cross_thread_wake_us_p50", 100.0,
            "sleeping_task_bytes", 200.0);

    /** ratio name, ours, theirs, ceiling of ours/theirs (NaN: reported, no floor). */
    private record Ratio(String name, String ours, String theirs, double ceiling) {}

    private static final List<Ratio> RATIOS = List.of(
            new Ratio("async_yield_ratio", "async_yield_ns", "continuation_yield_ns", 1.1),
            new Ratio("async_yield_kotlinx_ratio", "async_yield_ns", "async_yield_kotlinx_ns", Double.NaN),
            new Ratio("async_yield_kotlinx_loop_ratio", "async_yield_ns", "async_yield_kotlinx_loop_ns", Double.NaN),
            new Ratio("async_baton_ratio", "async_baton_ns", "async_baton_kotlinx_ns", Double.NaN),
            new Ratio("future_baton_ratio", "future_baton_ns", "async_baton_kotlinx_ns", 0.5),
            new Ratio("spawn_ratio", "spawn_and_complete_ns", "spawn_kotlinx_ns", 0.5),
            new Ratio("spawn_netty_nio_ratio", "spawn_and_complete_ns", "spawn_netty_nio_ns", Double.NaN),
            new Ratio("spawn_netty_local_ratio", "spawn_and_complete_ns", "spawn_netty_local_ns", Double.NaN),
            new Ratio("self_wake_netty_ratio", "self_wake_poll_ns", "self_wake_netty_ns", Double.NaN),
            new Ratio("sleeping_task_ratio", "sleeping_task_bytes", "sleeping_netty_bytes", 1.0),
            new Ratio("sleeping_async_task_ratio", "sleeping_async_task_bytes", "sleeping_kotlinx_bytes", 1.25),
            new Ratio("sleeping_async_task_cold_ratio", "sleeping_async_task_cold_bytes", "sleeping_kotlinx_bytes", Double.NaN));

    private static final Map<String, Double> values = new java.util.HashMap<>();
    private static final List<String> missed = new ArrayList<>();

    private ExecutorBenchMain() {}

    public static void main(String[] args) throws Exception {
        Metrics.machine();
        String only = env("ONLY", ".*");

        // The hand-off engine is chosen per JVM by a system property, so it gets a fork of its own
        // (options given here override @Fork annotations, hence two runs rather than one).
        String bench = ExecutorBench.class.getName();
        List<RunResult> results = new ArrayList<>(jmh(bench + "\\.(?!awaitSwitchHandoff)(" + only + ")$", EXPORT));
        if ("awaitSwitchHandoff".matches(only)) {
            results.addAll(jmh(bench + "\\.awaitSwitchHandoff$", EXPORT, "-Dwakewire.async.engine=thread-handoff"));
        }
        for (Map.Entry<String, String> m : JMH_METRICS.entrySet()) {
            if (!m.getKey().matches(only)) {
                continue;
            }
            Double score = Metrics.jmhScore(results, m.getKey());
            if (score == null) {
                Metrics.note(m.getValue() + ": the benchmark produced no result (see JMH errors above)");
                missed.add(m.getValue() + " (not measured)");
            } else {
                metric(m.getValue(), score, "ns");
            }
        }

        if ("asyncYield".matches(only)) {
            // The same pair as async_yield_ratio, by CPU time in alternating batches: robust to load.
            double[] y = YieldCpuTime.measure(40, 50);
            metric("async_yield_cpu_ns", y[0], "ns");
            metric("continuation_yield_cpu_ns", y[1], "ns");
            Metrics.print("async_yield_cpu_ratio", y[2], "x");
            Metrics.print("async_yield_cpu_ratio_max", y[3], "x");
            // a floor holds for every sample it names: the worst round too, not only the median
            if (y[3] > 1.1) {
                missed.add("async_yield_cpu_ratio_max " + Metrics.format(y[3]) + " > 1.1 (median "
                        + Metrics.format(y[2]) + ")");
            }
        }

        if (env("SKIP_HEAP", "").isEmpty()) {
            Histogram h = CrossThreadWake.measure(2_000, 20_000);
            metric("cross_thread_wake_us_p50", h.getValueAtPercentile(50) / 1_000.0, "us");
            metric("cross_thread_wake_us_p99", h.getValueAtPercentile(99) / 1_000.0, "us");

            sleeping("sleeping_task_bytes", "task");
            sleeping("sleeping_netty_bytes", "netty");
            sleeping("sleeping_async_task_bytes", "async");
            sleeping("sleeping_async_task_cold_bytes", "async", 0);
            sleeping("sleeping_kotlinx_bytes", "kotlinx");
            sleeping("sleeping_vthread_bytes", "vthread");
        }

        for (Ratio r : RATIOS) {
            Double ours = values.get(r.ours());
            Double theirs = values.get(r.theirs());
            if (ours == null || theirs == null) {
                continue;
            }
            double ratio = ours / theirs;
            Metrics.print(r.name(), ratio, "x");
            if (!Double.isNaN(r.ceiling()) && ratio > r.ceiling()) {
                missed.add(r.name() + " " + Metrics.format(ratio) + " > " + Metrics.format(r.ceiling()));
            }
        }

        if (missed.isEmpty()) {
            System.out.println("# every floor met");
        } else {
            System.out.println("# floors missed: " + String.join(", ", missed));
        }
    }

    private static String env(String name, String otherwise) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? otherwise : v.trim();
    }

    private static Collection<RunResult> jmh(String include, String... jvmArgs) throws Exception {
        List<String> args = new ArrayList<>(List.of(jvmArgs));
        args.add("-Xmx1g");
        Options opts = new OptionsBuilder()
                .include(include)
                .forks(Integer.parseInt(env("FORKS", "1")))
                .warmupIterations(2)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(Integer.parseInt(env("ITERATIONS", "3")))
                .measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend(args.toArray(String[]::new))
                .verbosity(VerboseMode.SILENT)
                .build();
        return new Runner(opts).run();
    }

    /**
     * Runs SleepingHeap in its own -Xmx512m JVM; if a million do not fit, says so and measures the
     * million again in a 4 GB heap (the figure per task, not the proof that they fit).
     */
    private static void sleeping(String name, String kind) throws Exception {
        sleeping(name, kind, WARM_UP_SLEEPERS);
    }

    private static void sleeping(String name, String kind, int warmUp) throws Exception {
        String out = runHeapProbe(kind, SLEEPERS, warmUp, "-Xmx512m");
        if (out.startsWith("BYTES_PER_TASK ")) {
            metric(name, Double.parseDouble(out.substring("BYTES_PER_TASK ".length())), "bytes");
            return;
        }
        System.out.printf("# %s: 1,000,000 sleeping do not fit in -Xmx512m (%s); measuring them in -Xmx4g%n", name, out);
        if (FLOORS.containsKey(name)) {
            missed.add(name + " (1,000,000 do not fit in 512 MB)");
        }
        String small = runHeapProbe(kind, SLEEPERS, warmUp, "-Xmx4g");
        if (small.startsWith("BYTES_PER_TASK ")) {
            metric(name, Double.parseDouble(small.substring("BYTES_PER_TASK ".length())), "bytes");
        } else {
            System.out.printf("# %s: not measured (%s)%n", name, small);
        }
    }

    private static String runHeapProbe(String kind, int count, int warmUp, String maxHeap) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, maxHeap, "-XX:+ExitOnOutOfMemoryError", EXPORT,
                "-cp", System.getProperty("java.class.path"),
                SleepingHeap.class.getName(), kind, Integer.toString(count), Integer.toString(warmUp));
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String last = "no output";
        StringBuilder all = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                all.append(line).append('\n');
                if (line.startsWith("BYTES_PER_TASK") || line.startsWith("OUT_OF_MEMORY")) {
                    last = line;
                }
            }
        }
        int status = p.waitFor();
        if (all.indexOf("OutOfMemoryError") >= 0) {
            return "OutOfMemoryError";
        }
        if (status != 0 && status != 3) {
            System.out.print("# SleepingHeap " + kind + " failed with status " + status + ":\n" + all);
            return "failed, status " + status;
        }
        return last;
    }

    private static void metric(String name, double value, String unit) {
        Metrics.print(name, value, unit);
        values.put(name, value);
        Double floor = FLOORS.get(name);
        if (floor != null && value > floor) {
            missed.add(name + " " + Metrics.format(value) + " > " + Metrics.format(floor));
        }
    }
}
