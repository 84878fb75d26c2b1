package io.wakewire.examples.measure;

import static io.wakewire.task.Async.await;

import io.wakewire.board.Board;
import io.wakewire.board.config.BoardConfig;
import io.wakewire.measure.Distance;
import io.wakewire.measure.Pulses;
import io.wakewire.measure.Quadrature;
import io.wakewire.pin.Level;
import io.wakewire.task.Async;
import io.wakewire.task.Executor;
import java.time.Duration;

public class Measures {   // tests/src/main/java/io/wakewire/examples/measure/Measures.java
    public static void main(String[] args) {
        try (Executor ex = Executor.create()) {
            ex.blockOn(Async.run(() -> {
                Board board = await(Board.connect(BoardConfig.load("uno"), args[0]));
                try (Pulses high = board.pin("D2").pulses(Level.HIGH);
                     Quadrature knob = board.pin("D4").encoder(board.pin("D5"), Level.LOW, Level.LOW)) {
                    System.out.println("D2 high for " + await(high.next()).widthMicros() + " µs");
                    System.out.println("D3 at " + await(board.pin("D3").frequency(100)).hertz() + " Hz");
                    System.out.println("knob at " + await(knob.next()).position());
                    Distance d = await(board.pin("D7").distance(board.pin("D8"), Duration.ofMillis(60)));
                    System.out.println("echo: " + d.millimeters() + " mm");
                } finally {
                    board.close();
                }
            }));
        }
    }
}
