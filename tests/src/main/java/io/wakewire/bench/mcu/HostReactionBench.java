package io.wakewire.bench.mcu;

import io.wakewire.bench.Metrics;
import io.wakewire.board.Board;
import io.wakewire.pin.Edge;
import io.wakewire.pin.EdgeFilter;
import io.wakewire.pin.EdgeStream;
import io.wakewire.pin.Level;
import io.wakewire.board.config.BoardConfig;
import io.wakewire.sim.BuildArtifacts;
import io.wakewire.sim.VirtualBoard;
import io.wakewire.sim.VirtualBoardOptions;
import io.wakewire.task.Async;
import io.wakewire.task.Executor;
import io.wakewire.task.Futures;

import java.nio.file.Path;
import java.time.Duration;

import static io.wakewire.task.Async.await;

/**
 * {@code host_reaction_us}: the same loop as the board's own control loop (examples/loop: a rising
 * edge on D2 drives D13 high), closed by a Java task through the serial link instead: the edge goes
 * to the host as EVENTS, the task writes D13, the DIGITAL_WRITE goes back. The figure is the board's
 * own clock between the two pins' edges (both stamped by the edge ISR), so host timers play no part.
 * On a virtual board (simavr paced to real time, pty link at the board's baud).
 *
 *   HostReactionBench [elf] [rounds]
 */
public final class HostReactionBench {

    public static void main(String[] args) {
        BuildArtifacts a = BuildArtifacts.locate();
        Path elf = args.length > 0 ? Path.of(args[0]) : a.firmware("uno");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Metrics.machine();
        try (VirtualBoard vb = VirtualBoard.start("uno", elf, VirtualBoardOptions.defaults()); Executor ex = Executor.create()) {
            long[] us = ex.blockOn(Async.async(() -> {
                Board b = await(Board.connect(BoardConfig.load("uno"), vb.port()));
                try {
                    EdgeStream in = b.pin("D2").edges(EdgeFilter.RISING);
                    EdgeStream out = b.pin("D13").edges(EdgeFilter.RISING);
                    var firstIn = Async.spawn("in", in.next()); // subscribes (ARM) now
                    var firstOut = Async.spawn("out", out.next());
                    await(b.pin("D13").write(Level.LOW));
                    await(Futures.sleep(Duration.ofMillis(300)));
                    long[] r = new long[rounds];
                    for (int i = 0; i < rounds; i++) {
                        vb.pulse("D2", Duration.ofMillis(1));
                        Edge e = await(Futures.timeout(i == 0 ? firstIn : in.next(), Duration.ofSeconds(5)));
                        await(b.pin("D13").write(Level.HIGH));
                        Edge o = await(Futures.timeout(i == 0 ? firstOut : out.next(), Duration.ofSeconds(5)));
                        r[i] = (o.boardTicks().getAsLong() - e.boardTicks().getAsLong()) * 4;
                        await(b.pin("D13").write(Level.LOW));
                        await(Futures.sleep(Duration.ofMillis(5)));
                    }
                    return r;
                } finally {
                    b.close();
                }
            }));
            Metrics.note(rounds + " rounds: D2 rising (board tick) -> Java task -> DIGITAL_WRITE D13 -> D13 rising (board tick)");
            Metrics.print("host_reaction_us_p50", Metrics.percentile(us, 50), "us");
            Metrics.print("host_reaction_us_p99", Metrics.percentile(us, 99), "us");
            Metrics.print("host_reaction_us_max", Metrics.percentile(us, 100), "us");
        }
    }

    private HostReactionBench() {
    }
}
