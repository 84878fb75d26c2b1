package io.wakewire.e2e;

import io.wakewire.board.AnalogReading;
import io.wakewire.board.Board;
import io.wakewire.pin.Edge;
import io.wakewire.pin.EdgeFilter;
import io.wakewire.pin.Level;
import io.wakewire.task.Async;
import io.wakewire.task.Executor;
import io.wakewire.task.Futures;
import io.wakewire.task.TaskCancelledException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.wakewire.task.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Analog reads, outputs looped back to inputs, several boards, and the seed's race, on real firmware. */
@Timeout(60)
class PinsTest {

    @Test
    void analogReadsFollowTheVoltage() {
        try (VirtualRig rig = VirtualRig.start("uno"); Executor ex = Executor.create()) {
            int[] raw = ex.blockOn(Async.async(() -> {
                Board b = await(rig.connect());
                try {
                    rig.vboard.adc("A0", 2500);
                    AnalogReading half = await(b.pin("A0").analogRead());
                    rig.vboard.adc("A0", 1000);
                    AnalogReading fifth = await(b.pin("A0").analogRead());
                    assertTrue(fifth.ticks() > half.ticks(), "conversion timestamps move forward");
                    return new int[] {half.raw(), fifth.raw()};
                } finally {
                    b.close();
                }
            }));
            assertTrue(Math.abs(raw[0] - 512) <= 3, "2.5 V read as " + raw[0]);
            assertTrue(Math.abs(raw[1] - 205) <= 3, "1.0 V read as " + raw[1]);
        }
    }

    @Test
    void anOutputLoopedToAnInputWakesItsWaiter() {
        try (VirtualRig rig = VirtualRig.start("uno"); Executor ex = Executor.create()) {
            rig.vboard.link("D13", "D2");
            Edge e = ex.blockOn(Async.async(() -> {
                Board b = await(rig.connect());
                try {
                    await(b.pin("D13").write(Level.LOW));
                    var up = Async.spawn("up", b.pin("D2").nextEdge(EdgeFilter.RISING));
                    await(Futures.sleep(Duration.ofMillis(200)));
                    await(b.pin("D13").write(Level.HIGH));
                    return await(Futures.timeout(up, Duration.ofSeconds(5)));
                } finally {
                    b.close();
                }
            }));
            assertEquals("D2", e.pin());
            assertEquals(Level.HIGH, e.level());
        }
    }

    @Test
    void fourBoardsOnOneExecutor() {
        List<VirtualRig> rigs = new ArrayList<>();
        try (Executor ex = Executor.create()) {
            for (int i = 0; i < 4; i++) {
                rigs.add(VirtualRig.start("uno"));
            }
            List<String> got = ex.blockOn(Async.async(() -> {
                List<Board> boards = new ArrayList<>();
                for (VirtualRig r : rigs) {
                    boards.add(await(r.connect()));
                }
                try {
                    List<io.wakewire.task.JoinHandle<Edge>> waits = new ArrayList<>();
                    for (int i = 0; i < 4; i++) {
                        waits.add(Async.spawn("board " + i, boards.get(i).pin("D" + (2 + i)).nextEdge(EdgeFilter.RISING)));
                    }
                    await(Futures.sleep(Duration.ofMillis(300)));
                    for (int i = 0; i < 4; i++) {
                        rigs.get(i).vboard.pulse("D" + (2 + i), Duration.ofMillis(1));
                    }
                    List<String> out = new ArrayList<>();
                    for (int i = 0; i < 4; i++) {
                        out.add(boards.get(i).label().substring(0, 4) + await(Futures.timeout(waits.get(i), Duration.ofSeconds(5))).pin());
                    }
                    return out;
                } finally {
                    boards.forEach(Board::close);
                }
            }));
            assertEquals(List.of("uno@D2", "uno@D3", "uno@D4", "uno@D5"), got);
        } finally {
            rigs.forEach(VirtualRig::close);
        }
    }

    /**
     * The seed's example: wait for whichever of several pins moves first, against a timeout; the
     * losing waits are cancelled (their pins' later edges go to nobody).
     */
    @Test
    void severalPinsRacedAgainstATimeoutTheLosersCancelled() {
        try (VirtualRig rig = VirtualRig.start("uno"); Executor ex = Executor.create()) {
            String winner = ex.blockOn(Async.async(() -> {
                Board b = await(rig.connect());
                try {
                    var race = Async.spawn("race", Futures.timeout(Futures.race(
                            b.pin("D2").nextEdge(EdgeFilter.RISING),
                            b.pin("D3").nextEdge(EdgeFilter.RISING),
                            b.pin("D4").nextEdge(EdgeFilter.RISING)), Duration.ofSeconds(5)));
                    await(Futures.sleep(Duration.ofMillis(300)));
                    rig.vboard.pulse("D3", Duration.ofMillis(1));
                    Edge e = await(race);
                    long unclaimed = b.stats().edgesUnclaimed();
                    rig.vboard.pulse("D2", Duration.ofMillis(1));
                    await(Futures.sleep(Duration.ofMillis(200)));
                    // D2 is armed for rising edges only: its one rising edge now goes to nobody
                    assertEquals(unclaimed + 1, b.stats().edgesUnclaimed(), "D2's waiter was cancelled");
                    return e.pin();
                } finally {
                    b.close();
                }
            }));
            assertEquals("D3", winner);
        }
    }
}
