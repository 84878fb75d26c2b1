package io.wakewire.bench.bridge;

import io.wakewire.bench.Metrics;
import io.wakewire.board.BoardOptions;
import io.wakewire.link.JsscSerialLinkFactory;
import io.wakewire.link.NativeLibrary;
import io.wakewire.link.NativeReactor;
import io.wakewire.link.NativeSerialLinkFactory;
import io.wakewire.task.Executor;

/**
 * Bytes readable on a pty to the awaiting task resumed, on both transports in one run
 * ({@code make bench-reactor}, {@code make bench-bridge}): the native reactor, with the executor
 * parked in its epoll, and jssc with its own read loop and the JDK parker.
 * Prints {@code byte_to_task_us_p50_native}, {@code _p99_native}, {@code _p50_jssc}, {@code _p99_jssc}.
 */
public final class TransportLatencyMain {

    private TransportLatencyMain() {
    }

    public static void main(String[] args) throws Exception {
        int edges = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        if (NativeLibrary.available()) {
            NativeReactor[] reactor = new NativeReactor[1];
            long[] lat = ByteToTaskProbe.run(edges, () -> {
                reactor[0] = new NativeReactor();
                return Executor.builder().parker(reactor[0]).build();
            }, BoardOptions.defaults().withLinks(new LazyNativeLinks(reactor)));
            print("native", lat);
        } else {
            Metrics.note("byte_to_task native skipped: the native library is not available (make reactor)");
        }
        long[] lat = ByteToTaskProbe.run(edges, Executor::create, BoardOptions.defaults().withLinks(new JsscSerialLinkFactory()));
        print("jssc", lat);
    }

    private static void print(String transport, long[] lat) {
        Metrics.print("byte_to_task_us_p50_" + transport, Math.round(Metrics.percentile(lat, 50) / 100.0) / 10.0, "us");
        Metrics.print("byte_to_task_us_p99_" + transport, Math.round(Metrics.percentile(lat, 99) / 100.0) / 10.0, "us");
    }

    /** Opens ports on the reactor the executor parks in; the executor is built before the first open. */
    private record LazyNativeLinks(NativeReactor[] reactor) implements io.wakewire.link.SerialLinkFactory {
        @Override
        public io.wakewire.link.SerialLink open(io.wakewire.link.PortSettings settings) throws io.wakewire.link.PortOpenException {
            return new NativeSerialLinkFactory(reactor[0]).open(settings);
        }
    }
}
