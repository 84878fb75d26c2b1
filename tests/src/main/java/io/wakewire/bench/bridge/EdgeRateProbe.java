package io.wakewire.bench.bridge;

import io.wakewire.bench.Metrics;
import io.wakewire.board.Board;
import io.wakewire.board.BoardOptions;
import io.wakewire.board.BoardStats;
import io.wakewire.pin.EdgeFilter;
import io.wakewire.pin.EdgeStream;
import io.wakewire.pin.EdgesLostException;
import io.wakewire.board.config.BoardConfig;
import io.wakewire.sim.VirtualBoard;
import io.wakewire.sim.VirtualBoardOptions;
import io.wakewire.task.Async;
import io.wakewire.task.Executor;
import io.wakewire.task.Futures;
import io.wakewire.task.TimedOutException;

import java.nio.file.Path;
import java.time.Duration;

import static io.wakewire.task.Async.await;

/**
 * The highest edge rate the whole bridge sustains with zero loss: the real firmware on a virtual
 * board paced to the wall clock, its waveform generator placing edges at exact simulated cycles,
 * the real jssc link, the session, and one task taking every edge from a stream. A rate passes
 * when every edge sent arrives and nothing is reported lost (no LOST record, no sequence gap, no
 * host buffer overflow). Rates are tried upwards; the figure is the last that passed.
 */
final class EdgeRateProbe {

    private final Path elf;
    private final int baud;

    EdgeRateProbe(Path elf, int baud) {
        this.elf = elf;
        this.baud = baud;
    }

    /** One trial: {@code edgesPerSecond} for about {@code seconds}; true when nothing was lost. */
    boolean trial(int edgesPerSecond, double seconds) {
        int edges = (int) Math.max(2000, edgesPerSecond * seconds);
        edges += edges % 2; // an even count leaves the pin where it started
        Duration period = Duration.ofNanos(2_000_000_000L / edgesPerSecond);
        int total = edges;
        try (VirtualBoard vb = VirtualBoard.start("uno", elf, VirtualBoardOptions.defaults());
             Executor ex = Executor.create()) {
            long[] result = ex.blockOn(Async.async(() -> {
                Board b = await(Board.connect(BoardConfig.load("uno"), vb.port(),
                        BoardOptions.defaults().withBaud(baud).withConnectTimeout(Duration.ofSeconds(5))));
                try {
                    vb.set("D2", false);
                    EdgeStream s = b.pin("D2").edges(EdgeFilter.BOTH);
                    var first = Async.spawn("first", s.next());
                    await(Futures.sleep(Duration.ofMillis(200)));
                    vb.wave("D2", period, total);
                    long received = 0;
                    long lost = 0;
                    try {
                        await(Futures.timeout(first, Duration.ofSeconds(5)));
                        received++;
                        while (received + lost < total) {
                            try {
                                await(Futures.timeout(s.next(), Duration.ofSeconds(3)));
                                received++;
                            } catch (EdgesLostException l) {
                                lost += Math.max(1, l.count());
                            }
                        }
                    } catch (TimedOutException e) {
                        lost += total - received - lost; // never arrived and never reported: counts as lost
                    }
                    BoardStats st = b.stats();
                    Metrics.note("  host session: " + st);
                    return new long[] {received, lost, st.seqGapFrames(), st.boardDrops(), st.hostDrops()};
                } finally {
                    b.close();
                }
            }));
            boolean ok = result[0] == total && result[1] == 0 && result[2] == 0;
            // where frames went missing: vboard's queue towards the pty drops when the host does not read
            var vbs = vb.stats();
            String ptyDropped = vbs.fields().getOrDefault("pty_dropped", "?");
            Metrics.note("  vboard: " + vbs.fields());
            Metrics.note(String.format("%d baud, %d edges/s: %d of %d received, %d lost (board drops %d, seq gaps %d,"
                    + " host drops %d, bytes vboard dropped before the pty %s) -> %s", baud, edgesPerSecond, result[0],
                    total, result[1], result[3], result[2], result[4], ptyDropped, ok ? "ok" : "LOSS"));
            return ok;
        }
    }

    /** The highest of {@code rates} (ascending) that passes, or 0; stops at the first failure. */
    int highestZeroLoss(int[] rates, double seconds) {
        int best = 0;
        for (int r : rates) {
            if (!trial(r, seconds)) {
                break;
            }
            best = r;
        }
        return best;
    }
}
