package io.wakewire.examples.firstedge;

import static io.wakewire.task.Async.await;

import io.wakewire.board.Board;
import io.wakewire.board.Edge;
import io.wakewire.board.EdgeFilter;
import io.wakewire.board.config.BoardConfig;
import io.wakewire.task.Executor;
import io.wakewire.task.Futures;
import io.wakewire.task.TimedOutException;
import java.time.Duration;

/** The README's first program: await a rising edge on D2 for at most five seconds. Kept compiling here. */
public class FirstEdge {
    public static void main(String[] args) throws Exception {
        try (Executor ex = Executor.create()) {
            ex.blockOn(() -> {
                Board board = await(Board.connect(BoardConfig.load("uno"), args[0]));
                try {
                    Edge e = await(Futures.timeout(board.pin("D2").nextEdge(EdgeFilter.RISING),
                                                   Duration.ofSeconds(5)));
                    System.out.printf("D2 rose at board tick %d, %d µs ago%n",
                                      e.ticks(), e.latencyNanos() / 1000);
                } catch (TimedOutException timeout) {
                    System.out.println("no edge on D2 within 5 s");
                } finally {
                    board.close();
                }
            });
        }
    }
}
