package io.wakewire.bench.bridge;

import io.wakewire.board.BoardOptions;
import io.wakewire.link.PtyMaster;
import io.wakewire.task.Executor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Byte to task on several transports at once, interleaved edge by edge, on direct pty pairs.
 *
 * <p>Each transport (a lane) gets a pty made in this process ({@link PtyMaster}), a Java fake board
 * on its master and a {@link Board} session on its slave, with its own executor on its own thread.
 * One driver thread then writes one EVENTS frame into one lane's master at a stamped moment, sleeps
 * a gap, writes the next lane's, and so on round after round: the lanes see the same machine, the
 * same JIT state and the same neighbours, each edge is measured alone (the gap is many times the
 * latency), and what is measured is the same path for every lane: the pty's hop through the kernel
 * (its flush work), the transport (the native reactor's epoll on the executor's own thread, or
 * jssc's reader thread and its hand-off to the parked executor), the frame decoder, the session's
 * demux, and the awaiting task's resume, which stamps the moment it runs.
 *
 * <p>The first {@code warm} rounds are not recorded: they give the JIT every method on the path
 * (thousands of calls, not a few hundred) before the measured rounds.
 */
final class InterleavedByteToTask {

    /** A transport to measure: a name, how to build its executor, and the board options (links). */
    record Lane(String name, Supplier<Executor> executor, Supplier<BoardOptions> options) {
    }

    private InterleavedByteToTask() {
    }

    /** Latencies in ns, one array per lane (in the given order), {@code edges} each. */
    static List<long[]> run(List<Lane> lanes, int warm, int edges, long gapNanos) throws Exception {
        int total = warm + edges;
        List<Running> running = new ArrayList<>();
        try {
            for (Lane lane : lanes) {
                running.add(new Running(lane, warm, total, edges));
            }
            for (Running r : running) {
                if (!r.fake.armed.await(30, TimeUnit.SECONDS) || r.failure.get() != null) {
                    throw new IllegalStateException(r.lane.name() + ": the session did not arm pin D2: " + r.failure.get());
                }
            }
            Thread.sleep(100);
            for (int i = 0; i < total; i++) {
                for (Running r : running) {
                    if (r.failure.get() != null) {
                        throw new IllegalStateException(r.lane.name() + " failed at round " + i + ": " + r.failure.get(),
                                r.failure.get());
                    }
                    sleepNanos(gapNanos);
                    int k = i;
                    r.fake.sendEdge(2, (i + 1) & 1, i + 1, () -> r.sent.set(k, System.nanoTime()));
                }
            }
            List<long[]> out = new ArrayList<>();
            for (Running r : running) {
                r.thread.join(30_000);
                if (r.failure.get() != null) {
                    throw new IllegalStateException(r.lane.name() + ": " + r.failure.get(), r.failure.get());
                }
                out.add(r.lat);
            }
            return out;
        } finally {
            for (Running r : running) {
                r.close();
            }
        }
    }

    private static void sleepNanos(long nanos) throws InterruptedException {
        Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    }

    /** One lane while it runs: its pty, its fake board, its executor thread. */
    private static final class Running {
        final Lane lane;
        final PtyMaster master = new PtyMaster();
        final PtyFakeBoard fake = new PtyFakeBoard(master);
        final AtomicLongArray sent;
        final long[] lat;
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final Thread thread;

        Running(Lane lane, int warm, int total, int edges) {
            this.lane = lane;
            this.sent = new AtomicLongArray(total);
            this.lat = new long[edges];
            String port = master.slavePath();
            thread = Thread.ofPlatform().name("lane-" + lane.name()).daemon().start(() -> {
                try (Executor ex = lane.executor().get()) {
                    ex.blockOn(ByteToTaskProbe.receiveEdges(port, lane.options().get(), warm, sent, lat));
                } catch (Throwable t) {
                    failure.set(t);
                    fake.armed.countDown(); // let the driver see the failure instead of waiting
                }
            });
        }

        void close() {
            fake.close();
        }
    }
}
