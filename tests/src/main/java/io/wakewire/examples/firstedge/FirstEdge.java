package io.wakewire.examples.firstedge;

import static io.wakewire.task.Async.await;

import io.wakewire.board.Board;
import io.wakewire.board.config.BoardConfig;
import io.wakewire.pin.Edge;
import io.wakewire.pin.EdgeFilter;
import io.wakewire.task.Async;
import io.wakewire.task.Executor;
import io.wakewire.task.Futures;
import io.wakewire.task.TimedOutException;
import java.time.Duration;

public class FirstEdge {   // tests/src/main/java/io/wakewire/examples/firstedge/FirstEdge.java
    public static void main(String[] args) throws Exception {
        try (Executor ex = Executor.create()) {
            ex.blockOn(Async.run(() -> {
                try (Board board = await(Board.connect(BoardConfig.load("uno"), args[0]))) {
                    Edge e = await(Futures.timeout(board.pin("D2").nextEdge(EdgeFilter.RISING),
                                                   Duration.ofSeconds(5)));
                    System.out.printf("D2 rose at board tick %d, %d µs ago%n",
                                      e.boardTicks().getAsLong(), e.latency().toNanos() / 1000);
                } catch (TimedOutException timeout) {
                    System.out.println("no edge on D2 within 5 s");
                }
            }));
        }
    }
}
