package io.wakewire.bench.pi;

import io.wakewire.bench.Metrics;
import static io.wakewire.task.Async.async;
import static io.wakewire.task.Async.await;

import com.pi4j.Pi4J;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import io.wakewire.pin.Edge;
import io.wakewire.pin.Level;
import io.wakewire.pin.EdgeFilter;
import io.wakewire.pin.EdgeStream;
import io.wakewire.pi.InputOptions;
import io.wakewire.pi.PiGpio;
import io.wakewire.pi.PiInput;
import io.wakewire.pi.Pull;
import io.wakewire.task.Executor;
import io.wakewire.task.JoinHandle;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * {@code make bench-pi}: Pi GPIO edges into tasks, under Pi4J's mock plugin (so on any machine).
 * Prints {@code METRIC <name> <value> <unit>} lines:
 * <ul>
 *   <li>{@code mock_edge_to_task_us_p50/_p99}: a driver thread calls {@code MockDigitalInput.mockState}
 *       while a task sleeps in {@code await(pin.nextEdge(..))}; measured from just before the call to
 *       the task's first instruction after the await. This includes the executor thread's unpark
 *       (an OS thread wake-up), which dominates.</li>
 *   <li>{@code mock_listener_to_task_us_p50}: the same, from the edge's own timestamp (read first
 *       thing in the Pi4J listener).</li>
 *   <li>{@code edges_per_s_one_pin}: one driver toggling one pin as fast as the task keeps up, one task
 *       taking every edge; the driver backs off when the pin's buffer is nearly full, so nothing
 *       is lost (checked: the run fails if an edge is lost or out of order).</li>
 * </ul>
 * Figures vary with the machine and its load; they are printed, never asserted.
 */
public final class PiEdgeBench {

    private PiEdgeBench() {}

    public static void main(String[] args) throws Exception {
        int latencyRounds = intArg(args, "ROUNDS", 50_000);
        int throughputEdges = intArg(args, "EDGES", 2_000_000);
        latency(Math.max(1, latencyRounds / 5), false);    // warm-up: JIT, executor, Pi4J paths
        latency(latencyRounds, true);
        throughput(Math.max(1, throughputEdges / 5), false);
        throughput(throughputEdges, true);
    }

    private static PiGpio mockGpio() {
        return PiGpio.of(Pi4J.newContextBuilder()
                .noAutoDetect()
                .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance())
                .build());
    }

    /** Ping-pong: one edge at a time, sent only once the task is asleep on the pin. */
    private static void latency(int rounds, boolean print) throws Exception {
        Histogram driverToTask = new Histogram(3_600_000_000_000L, 3);
        Histogram listenerToTask = new Histogram(3_600_000_000_000L, 3);
        long[] sentAt = new long[1];
        AtomicInteger consumed = new AtomicInteger();
        try (PiGpio gpio = mockGpio(); Executor ex = Executor.create()) {
            PiInput in = gpio.input(17, InputOptions.defaults().withBuffer(16));
            MockDigitalInput mock = (MockDigitalInput) in.digitalInput();
            JoinHandle<Void> task = ex.spawn("pi-latency", async(() -> {
                EdgeStream edges = in.edges(EdgeFilter.BOTH);
                for (int i = 0; i < rounds; i++) {
                    Edge e = await(edges.next());
                    long now = System.nanoTime();
                    driverToTask.recordValue(Math.max(0, now - sentAt[0]));
                    listenerToTask.recordValue(Math.max(0, now - e.hostNanos()));
                    consumed.incrementAndGet();
                }
                return null;
            }));
            Thread driver = new Thread(() -> {
                DigitalState level = DigitalState.LOW;
                for (int i = 0; i < rounds; i++) {
                    while (consumed.get() < i || !in.isAwaited()) {   // until the task sleeps on the pin again
                        Thread.onSpinWait();
                    }
                    level = level == DigitalState.LOW ? DigitalState.HIGH : DigitalState.LOW;
                    sentAt[0] = System.nanoTime();      // published to the task by the pin's atomics
                    mock.mockState(level);
                }
            }, "pi-bench-driver");
            driver.setDaemon(true);
            driver.start();
            ex.blockOn(task);
            driver.join();
            if (in.lostTotal() != 0) {
                throw new IllegalStateException("latency run lost " + in.lostTotal() + " edges");
            }
        }
        if (print) {
            Metrics.print("mock_edge_to_task_us_p50", driverToTask.getValueAtPercentile(50) / 1000.0, "us");
            Metrics.print("mock_edge_to_task_us_p99", driverToTask.getValueAtPercentile(99) / 1000.0, "us");
            Metrics.print("mock_listener_to_task_us_p50", listenerToTask.getValueAtPercentile(50) / 1000.0, "us");
            System.out.printf("# latency: %d rounds, max %.1f us%n", rounds, driverToTask.getMaxValue() / 1000.0);
        }
    }

    /** One driver flat out into one task; the driver yields while the buffer is nearly full. */
    private static void throughput(int edges, boolean print) throws Exception {
        int capacity = 1 << 14;
        try (PiGpio gpio = mockGpio(); Executor ex = Executor.create()) {
            PiInput in = gpio.input(17, InputOptions.defaults().withBuffer(capacity));
            MockDigitalInput mock = (MockDigitalInput) in.digitalInput();
            JoinHandle<long[]> task = ex.spawn("pi-throughput", async(() -> {
                EdgeStream stream = in.edges(EdgeFilter.BOTH);
                long first = 0;
                Level due = Level.HIGH;
                for (int i = 0; i < edges; i++) {
                    Edge e = await(stream.next());
                    if (e.level() != due) {
                        throw new IllegalStateException("edge " + i + " is " + e.level() + " where " + due + " was due");
                    }
                    due = due.inverse();
                    if (i == 0) {
                        first = System.nanoTime();
                    }
                }
                return new long[] {first, System.nanoTime()};
            }));
            Thread driver = new Thread(() -> {
                DigitalState level = DigitalState.LOW;
                while (!in.isAwaited()) {       // the stream starts at its first next(): drive after that
                    Thread.onSpinWait();
                }
                for (int i = 0; i < edges; i++) {
                    while (in.buffered() >= capacity - 8) {
                        Thread.yield();
                    }
                    level = level == DigitalState.LOW ? DigitalState.HIGH : DigitalState.LOW;
                    mock.mockState(level);
                }
            }, "pi-bench-driver");
            driver.setDaemon(true);
            driver.start();
            long[] span = ex.blockOn(task);
            driver.join();
            if (in.lostTotal() != 0) {
                throw new IllegalStateException("throughput run lost " + in.lostTotal() + " edges");
            }
            if (print) {
                double seconds = (span[1] - span[0]) / 1e9;
                Metrics.print("edges_per_s_one_pin", Math.round((edges - 1) / seconds), "edges/s");
                System.out.printf("# throughput: %d edges in %.3f s, none lost%n", edges, seconds);
            }
        }
    }

    private static int intArg(String[] args, String key, int fallback) {
        for (String a : args) {
            if (a.startsWith(key + "=")) {
                try {
                    int v = Integer.parseInt(a.substring(key.length() + 1));
                    if (v > 0) {
                        return v;
                    }
                } catch (NumberFormatException e) {
                    // fall through to the error below
                }
                throw new IllegalArgumentException("bench-pi: " + a + " is not a positive whole number");
            }
        }
        return fallback;
    }
}
