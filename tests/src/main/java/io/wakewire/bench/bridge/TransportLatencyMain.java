package io.wakewire.bench.bridge;

import io.wakewire.bench.Metrics;
import io.wakewire.board.BoardOptions;
import io.wakewire.link.JsscSerialLinkFactory;
import io.wakewire.link.NativeLibrary;
import io.wakewire.link.NativeReactor;
import io.wakewire.link.NativeSerialLinkFactory;
import io.wakewire.task.Executor;

import java.util.ArrayList;
import java.util.List;

/**
 * Byte written into a pty to the awaiting task resumed, on both transports in one run, interleaved
 * edge by edge ({@link InterleavedByteToTask}, {@code make bench-reactor}): the native reactor,
 * with the executor parked in its epoll and reading the port itself, and jssc with its own reader
 * thread and the JDK parker. Each transport reads the slave of its own pty pair made in this
 * process; the fake board writes the master: no socat relay on the measured path.
 *
 * <p>Arguments: measured edges per transport (2000), warm-up edges (5000), gap between two writes
 * in µs (1000). Prints {@code byte_to_task_us_p50_native}, {@code _p99_native},
 * {@code _p50_jssc}, {@code _p99_jssc}, and more percentiles, the mean and the max as notes.
 */
public final class TransportLatencyMain {

    private TransportLatencyMain() {
    }

    public static void main(String[] args) throws Exception {
        int edges = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int warm = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        long gapNanos = (args.length > 2 ? Long.parseLong(args[2]) : 1000) * 1000;
        if (!NativeLibrary.available()) {
            Metrics.note("byte_to_task skipped: the direct pty pairs and the native transport need the native library"
                    + " (make reactor): " + NativeLibrary.unavailableReason());
            return;
        }
        List<InterleavedByteToTask.Lane> lanes = new ArrayList<>();
        NativeReactor[] reactor = new NativeReactor[1]; // made by the lane's thread, before its links
        lanes.add(new InterleavedByteToTask.Lane("native",
                () -> Executor.builder().parker(reactor[0] = new NativeReactor()).build(),
                () -> BoardOptions.defaults().withLinks(new NativeSerialLinkFactory(reactor[0]))));
        lanes.add(new InterleavedByteToTask.Lane("jssc", Executor::create,
                () -> BoardOptions.defaults().withLinks(new JsscSerialLinkFactory())));
        Metrics.note("byte_to_task: direct pty pairs, " + warm + " warm-up + " + edges + " measured edges per transport,"
                + " interleaved, one write every " + gapNanos / 1000 + " us");
        List<long[]> lat = InterleavedByteToTask.run(lanes, warm, edges, gapNanos);
        for (int i = 0; i < lanes.size(); i++) {
            print(lanes.get(i).name(), lat.get(i));
        }
    }

    private static void print(String transport, long[] lat) {
        Metrics.print("byte_to_task_us_p50_" + transport, us(Metrics.percentile(lat, 50)), "us");
        Metrics.print("byte_to_task_us_p99_" + transport, us(Metrics.percentile(lat, 99)), "us");
        double mean = 0;
        for (long l : lat) {
            mean += l;
        }
        StringBuilder line = new StringBuilder("byte_to_task " + transport + " (us):");
        for (int p : new int[] {10, 25, 50, 75, 90, 99}) {
            line.append(" p").append(p).append(' ').append(us(Metrics.percentile(lat, p)));
        }
        line.append(", mean ").append(us(mean / lat.length)).append(", max ").append(us(Metrics.percentile(lat, 100)));
        Metrics.note(line.toString());
    }

    private static double us(double nanos) {
        return Math.round(nanos / 100.0) / 10.0;
    }
}
