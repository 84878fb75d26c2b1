package io.wakewire.bench.bridge;

import io.wakewire.board.Board;
import io.wakewire.board.config.BoardConfig;
import io.wakewire.board.BoardOptions;
import io.wakewire.pin.Edge;
import io.wakewire.pin.EdgeFilter;
import io.wakewire.pin.EdgeStream;
import io.wakewire.sim.VirtualBoard;
import io.wakewire.sim.VirtualBoardOptions;
import io.wakewire.task.Async;
import io.wakewire.task.Executor;
import io.wakewire.task.Futures;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static io.wakewire.task.Async.await;

/**
 * The clock sync's error against the virtual board's truth: the vboard prints, with each pulse it
 * drives, the {@code CLOCK_MONOTONIC} time (the JVM's {@code System.nanoTime}) of the pulse's
 * second edge ({@code DONE pulse D2 @<cycle> wall=<ns> paced=<ns>}): {@code paced} by its exact
 * simulated-time to wall-clock mapping (the pacing's line), {@code wall} when the simulator really
 * got there (later when the machine held it up). The firmware timestamps that edge in its ISR and
 * the host's clock sync turns the timestamp into {@link Edge#hostNanos()}. The differences are the
 * sync's error (plus the ISR's entry latency and the 4 µs tick, a few µs); against {@code wall}
 * they also hold the simulator's own hiccups on a loaded machine.
 *
 * <p>The session connects, syncs for {@code syncFor} (the heartbeat's CLOCK probes, four a
 * second), then {@code pulses} pulses go out 20-30 ms apart. The edges are collected on the
 * session's executor thread; the pulses are driven from the calling thread (vboard commands block).
 */
public final class ClockSyncProbe {

    /**
     * @param errorsNanos  the estimate's distance (signed) to the span between the vboard's
     *                     mapping ({@code paced}) and where the simulator really was ({@code wall}):
     *                     the board's time was in there; 0 inside it. One per pulse
     * @param vouched      how many of those estimates the sync vouched for
     * @param worstBoundNanos the largest error bound it gave with a vouched estimate
     * @param outsideBound vouched estimates whose error exceeded their bound
     * @param trueLatencyNanos from when the simulator placed the edge ({@code wall=}) to its frame decoded
     * @param boundsNanos  the bound the sync gave with each estimate it vouched for, -1 for the others
     */
    public record Result(long[] errorsNanos, int vouched, long worstBoundNanos, int outsideBound,
                         long[] vouchedErrorsNanos, double vboardSpeed, long[] errorsVsWallNanos,
                         long[] trueLatencyNanos, long[] errorsVsPacedNanos, long[] boundsNanos) {

        /** The vouched estimates outside their bound: index, error, bound and the simulator's lag behind its line. */
        public String outsideBoundDetail() {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < errorsNanos.length; i++) {
                if (boundsNanos[i] >= 0 && outside(errorsNanos[i], boundsNanos[i])) {
                    b.append(String.format("%n  edge %d: error %d ns, bound %d ns, simulator %d ns behind its line",
                            i, errorsNanos[i], boundsNanos[i], errorsVsPacedNanos[i] - errorsVsWallNanos[i]));
                }
            }
            return b.toString();
        }
    }

    /** The edge's timestamp trails the pin by the ISR's entry (under 4 µs) and the 4 µs tick. */
    static final long ISR_AND_TICK_NANOS = 8_000;

    private ClockSyncProbe() {
    }

    static boolean outside(long errorNanos, long boundNanos) {
        return Math.abs(errorNanos) > boundNanos + ISR_AND_TICK_NANOS;
    }

    public static Result run(Path elf, Duration syncFor, int pulses, List<String> vboardArgs) throws Exception {
        try (VirtualBoard vb = VirtualBoard.start("uno", elf, VirtualBoardOptions.defaults().withExtraArgs(vboardArgs))) {
            CountDownLatch ready = new CountDownLatch(1);
            AtomicReference<Throwable> failed = new AtomicReference<>();
            CompletableFuture<List<Edge>> edges = new CompletableFuture<>();
            Thread session = new Thread(() -> {
                try (Executor ex = Executor.create()) {
                    edges.complete(ex.blockOn(Async.async(() -> {
                        Board b = await(Board.connect(BoardConfig.load("uno"), vb.port(), BoardOptions.defaults()));
                        try {
                            EdgeStream s = b.pin("D2").edges(EdgeFilter.BOTH);
                            var first = Async.spawn("first edge", s.next());
                            await(Futures.sleep(Duration.ofMillis(100))); // armed
                            ready.countDown();
                            List<Edge> got = new ArrayList<>();
                            got.add(await(first));
                            while (got.size() < 2 * pulses) {
                                got.add(await(s.next()));
                            }
                            return got;
                        } finally {
                            b.close();
                        }
                    })));
                } catch (Throwable t) {
                    failed.set(t);
                    edges.completeExceptionally(t);
                    ready.countDown();
                }
            }, "clock-sync-probe");
            session.setDaemon(true);
            session.start();
            if (!ready.await(30, TimeUnit.SECONDS) || failed.get() != null) {
                throw new IllegalStateException("clock sync probe: the session did not start", failed.get());
            }
            Thread.sleep(syncFor.toMillis());
            long[] truth = new long[pulses];
            long[] wall = new long[pulses];
            java.util.Random rnd = new java.util.Random(1);
            for (int i = 0; i < pulses; i++) {
                long mark = vb.mark();
                vb.pulse("D2", Duration.ofMillis(1));
                String done = vb.awaitLine(mark, "DONE pulse D2", Duration.ofSeconds(5));
                wall[i] = field(done, "wall");
                truth[i] = field(done, "paced");
                Thread.sleep(20 + rnd.nextInt(10));
            }
            List<Edge> got = edges.get(30, TimeUnit.SECONDS);
            double speed = vb.stats().number("speed");
            long[] errors = new long[pulses];
            long[] errorsVsPaced = new long[pulses];
            long[] errorsVsWall = new long[pulses];
            long[] latency = new long[pulses];
            int vouched = 0;
            int outside = 0;
            long worst = 0;
            long[] vouchedErrors = new long[pulses];
            long[] bounds = new long[pulses];
            for (int i = 0; i < pulses; i++) {
                Edge e = got.get(2 * i + 1);
                errorsVsPaced[i] = e.hostNanos() - truth[i];
                errorsVsWall[i] = e.hostNanos() - wall[i];
                errors[i] = toInterval(e.hostNanos(), truth[i], wall[i]);
                latency[i] = e.arrivalNanos() - wall[i];
                bounds[i] = e.hostTimeVouched() ? e.hostErrorNanos() : -1;
                if (e.hostTimeVouched()) {
                    vouchedErrors[vouched] = errors[i];
                    vouched++;
                    worst = Math.max(worst, e.hostErrorNanos());
                    if (outside(errors[i], e.hostErrorNanos())) {
                        outside++;
                    }
                }
            }
            return new Result(errors, vouched, worst, outside, java.util.Arrays.copyOf(vouchedErrors, vouched), speed,
                    errorsVsWall, latency, errorsVsPaced, bounds);
        }
    }

    /**
     * Signed distance from {@code estimate} to the span between {@code a} and {@code b}: a
     * simulator that keeps up lives within its pace slack of its mapping; one the machine holds up
     * lags it, and its clock is then somewhere between the two (the CLOCK samples see the lag as
     * long as it lasts; a brief one they never see).
     */
    static long toInterval(long estimate, long a, long b) {
        long lo = Math.min(a, b);
        long hi = Math.max(a, b);
        return estimate < lo ? estimate - lo : estimate > hi ? estimate - hi : 0;
    }

    private static long field(String line, String name) {
        for (String word : line.split(" ")) {
            if (word.startsWith(name + "=")) {
                return Long.parseLong(word.substring(name.length() + 1));
            }
        }
        throw new IllegalStateException("the vboard's line has no " + name + "= field: " + line);
    }
}
