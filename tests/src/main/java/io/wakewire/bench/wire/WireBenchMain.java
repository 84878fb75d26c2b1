package io.wakewire.bench.wire;

import io.wakewire.bench.Metrics;
import java.util.Collection;
import java.util.Map;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * {@code make bench-wire}: runs {@link WireDecodeBench} and prints {@code METRIC <name> <value> <unit>}
 * lines. {@code decode_ns_per_frame} is the full 28-edge EVENTS frame on the allocation-free
 * path, the figure the bridge's throughput rests on; the others put it in context.
 */
public final class WireBenchMain {

    private static final Map<String, String> METRICS = new java.util.LinkedHashMap<>();

    static {
        METRICS.put("events28Visitor", "decode_ns_per_frame");
        METRICS.put("events28Records", "decode_ns_per_frame_events_records");
        METRICS.put("ack", "decode_ns_per_frame_ack");
    }

    private WireBenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Metrics.machine();
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(WireDecodeBench.class.getName() + "\\.")
                .verbosity(VerboseMode.SILENT)
                .build()).run();
        Double events = null;
        for (Map.Entry<String, String> m : METRICS.entrySet()) {
            Double score = Metrics.jmhScore(results, m.getKey());
            if (score == null) {
                Metrics.note(m.getValue() + ": the benchmark produced no result (see JMH errors above)");
                continue;
            }
            double ns = score;
            Metrics.print(m.getValue(), ns, "ns");
            if (m.getKey().equals("events28Visitor")) {
                events = ns;
            }
        }
        double cpu = DecodeCpuTime.events28(10, 200_000);
        Metrics.print("decode_cpu_ns_per_frame", cpu, "ns");
        System.out.println("# (the same EVENTS decode timed by thread CPU time, best of 10 rounds: robust to a loaded machine)");
        if (events != null) {
            Metrics.print("decode_ns_per_edge", events / 28, "ns");
            System.out.printf("# one core decodes %.1f million edges/s at the JMH figure, %.1f at the CPU-time one"
                    + " (the bridge needs 0.02)%n", 28_000 / events, 28_000 / cpu);
        }
    }
}
