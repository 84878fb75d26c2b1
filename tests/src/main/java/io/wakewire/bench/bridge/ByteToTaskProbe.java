package io.wakewire.bench.bridge;

import io.wakewire.board.Board;
import io.wakewire.board.BoardOptions;
import io.wakewire.pin.Edge;
import io.wakewire.pin.EdgeFilter;
import io.wakewire.pin.EdgeStream;
import io.wakewire.board.config.BoardConfig;
import io.wakewire.task.Async;
import io.wakewire.task.Executor;
import io.wakewire.task.Future;
import io.wakewire.task.Futures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

import static io.wakewire.task.Async.await;

/**
 * Byte to task: a Java fake board writes an EVENTS frame into one end of a socat pty pair at a
 * stamped moment; the session on the other end (jssc, the executor, the demux) wakes a task
 * awaiting {@code edges.next()}, which stamps the moment it runs. One edge every 2 ms, so each is
 * measured alone (this is latency, not throughput).
 */
final class ByteToTaskProbe {

    /** Latencies in ns, one per edge, after a warm-up, on the default transport. */
    static long[] run(int edges) throws Exception {
        return run(edges, Executor::create, BoardOptions.defaults());
    }

    /** The same on a given transport: the executor (and its parker) and the links its board opens. */
    static long[] run(int edges, java.util.function.Supplier<Executor> executor, BoardOptions options) throws Exception {
        Path dir = Files.createTempDirectory("wakewire-bridge");
        Path hostEnd = dir.resolve("host");
        Path boardEnd = dir.resolve("board");
        Process socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + hostEnd, "pty,raw,echo=0,link=" + boardEnd)
                .redirectErrorStream(true).start();
        try {
            for (int i = 0; i < 200 && !(Files.exists(hostEnd) && Files.exists(boardEnd)); i++) {
                Thread.sleep(10);
            }
            if (!Files.exists(hostEnd)) {
                throw new IllegalStateException("socat did not create the pty pair (is socat installed? make deps)");
            }
            int warm = 200;
            int total = edges + warm;
            AtomicLongArray sent = new AtomicLongArray(total);
            long[] lat = new long[edges];
            try (PtyFakeBoard fake = new PtyFakeBoard(boardEnd.toRealPath().toString());
                 Executor ex = executor.get()) {
                Thread driver = new Thread(() -> {
                    try {
                        if (!fake.armed.await(10, TimeUnit.SECONDS)) {
                            return;
                        }
                        Thread.sleep(50);
                        for (int i = 0; i < total; i++) {
                            int k = i;
                            fake.sendEdge(2, (i + 1) & 1, i + 1, () -> sent.set(k, System.nanoTime()));
                            Thread.sleep(2);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "bridge-driver");
                driver.setDaemon(true);
                driver.start();
                ex.blockOn(receiveEdges(hostEnd.toRealPath().toString(), options, warm, sent, lat));
            }
            return lat;
        } finally {
            socat.destroy();
            socat.waitFor(2, TimeUnit.SECONDS);
            socat.destroyForcibly();
        }
    }

    /**
     * The measuring task: connects a board on {@code port}, awaits {@code warm + lat.length} edges
     * of D2 and, past the warm-up, puts into {@code lat} how long after its {@code sent} stamp
     * (indexed by the edge's tick minus one) each edge resumed it.
     */
    static Future<Void> receiveEdges(String port, BoardOptions options, int warm, AtomicLongArray sent, long[] lat) {
        return Async.async(() -> {
            Board b = await(Board.connect(BoardConfig.load("uno"), port, options));
            try {
                EdgeStream s = b.pin("D2").edges(EdgeFilter.BOTH);
                for (int i = 0; i < warm + lat.length; i++) {
                    Edge e = await(Futures.timeout(s.next(), Duration.ofSeconds(5)));
                    long now = System.nanoTime();
                    int k = (int) (e.boardTicks().getAsLong() & 0xFFFF_FFFFL) - 1;
                    if (k >= warm) {
                        lat[k - warm] = now - sent.get(k);
                    }
                }
            } finally {
                b.close();
            }
            return null;
        });
    }
}
