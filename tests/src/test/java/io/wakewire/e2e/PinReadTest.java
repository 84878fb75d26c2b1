package io.wakewire.e2e;

import io.wakewire.board.Board;
import io.wakewire.board.PinException;
import io.wakewire.board.PinLevel;
import io.wakewire.pin.Edge;
import io.wakewire.pin.EdgeFilter;
import io.wakewire.pin.EdgeStream;
import io.wakewire.pin.Level;
import io.wakewire.task.Async;
import io.wakewire.task.Executor;
import io.wakewire.task.Futures;
import io.wakewire.task.TimedOutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.wakewire.task.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Input basics on the real firmware: READ_PIN's level and tick, the level an edge stream starts
 * from (also while the pin is toggling when it is armed), the pull-up, and on-board debounce.
 */
@Timeout(90)
class PinReadTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void readGivesTheDrivenLevelWithTheBoardTickOfTheRead() {
        try (VirtualRig rig = VirtualRig.start("uno"); Executor ex = Executor.create()) {
            ex.blockOn(Async.async(() -> {
                Board b = await(rig.connect());
                try {
                    rig.vboard.set("D7", true);
                    PinLevel high = await(b.pin("D7").read());
                    rig.vboard.set("D7", false);
                    PinLevel low = await(b.pin("D7").read());
                    assertEquals(Level.HIGH, high.level());
                    assertEquals(Level.LOW, low.level());
                    assertEquals("D7", low.pin());
                    assertTrue(low.ticks() > high.ticks(), "ticks move forward: " + high + " then " + low);
                    assertEquals(low.ticks() * 4000, low.boardNanos());
                    rig.vboard.set("A3", true); // an analog pin read as digital
                    assertEquals(Level.HIGH, await(b.pin("A3").read()).level());
                } finally {
                    b.close();
                }
                return null;
            }));
        }
    }

    /**
     * The stream's first edge goes to the other level than the initial one, and is later, on an INT
     * pin and two pin-change pins, armed while a 5 kHz wave runs (edges every 100 us), so arming,
     * the read and the edges race; then every edge alternates.
     */
    @Test
    void anEdgeStreamStartsFromTheLevelReadWhenItWasArmedEvenMidWave() {
        try (VirtualRig rig = VirtualRig.start("uno"); Executor ex = Executor.create()) {
            ex.blockOn(Async.async(() -> {
                Board b = await(rig.connect());
                try {
                    for (String pin : List.of("D2", "D8", "D4")) {
                        rig.vboard.wave(pin, Duration.ofMillis(2).dividedBy(10), 1000); // 100 ms of edges
                        await(Futures.sleep(Duration.ofMillis(10)));
                        try (EdgeStream s = b.pin(pin).edges(EdgeFilter.BOTH)) {
                            PinLevel init = await(b.pin(pin).initialLevel(s));
                            Level expect = init.level().inverse();
                            long after = init.ticks();
                            for (int i = 0; i < 200; i++) {
                                Edge e = await(Futures.timeout(s.next(), Duration.ofSeconds(5)));
                                assertEquals(expect, e.level(), pin + " edge " + i + " after initial " + init);
                                assertTrue(e.boardTicks().getAsLong() >= after, pin + " edge " + i + " at " + e.boardTicks().getAsLong() + " before " + after);
                                expect = expect.inverse();
                                after = e.boardTicks().getAsLong();
                            }
                            assertEquals(init, await(b.pin(pin).initialLevel(s)), "read once");
                        }
                        await(Futures.sleep(Duration.ofMillis(150))); // this wave over before the next
                    }
                } finally {
                    b.close();
                }
                return null;
            }));
        }
    }

    @Test
    void aQuietPinStartsAtItsLevelAndItsFirstEdgeIsTheChange() {
        try (VirtualRig rig = VirtualRig.start("uno"); Executor ex = Executor.create()) {
            ex.blockOn(Async.async(() -> {
                Board b = await(rig.connect());
                try {
                    rig.vboard.set("D3", true);
                    EdgeStream s = b.pin("D3").edges(EdgeFilter.BOTH);
                    PinLevel init = await(b.pin("D3").initialLevel(s));
                    assertEquals(Level.HIGH, init.level());
                    rig.vboard.set("D3", false);
                    Edge e = await(Futures.timeout(s.next(), Duration.ofSeconds(5)));
                    assertEquals(Level.LOW, e.level());
                    assertTrue(e.boardTicks().getAsLong() > init.ticks());
                    s.close();
                } finally {
                    b.close();
                }
                return null;
            }));
        }
    }

    @Test
    void pullUpMakesAnUndrivenPinReadHigh() {
        try (VirtualRig rig = VirtualRig.start("uno"); Executor ex = Executor.create()) {
            ex.blockOn(Async.async(() -> {
                Board b = await(rig.connect());
                try {
                    assertEquals(Level.LOW, await(b.pin("D12").read()).level(), "undriven, no pull-up");
                    await(b.pin("D12").pullUp(true));
                    assertEquals(Level.HIGH, await(b.pin("D12").read()).level(), "undriven, pulled up");
                    rig.vboard.set("D12", false);
                    assertEquals(Level.LOW, await(b.pin("D12").read()).level(), "pulled up, driven low");
                } finally {
                    b.close();
                }
                return null;
            }));
        }
    }

    /**
     * A bounce of 7 changes 100 us apart (ending high) gives exactly one rising edge with a 5 ms
     * window; without debounce all 7 arrive. A clean fall 20 ms later is one falling edge either way.
     */
    @Test
    void debounceTakesTheFirstChangeOfABounceAndDropsTheRest() {
        try (VirtualRig rig = VirtualRig.start("uno"); Executor ex = Executor.create()) {
            ex.blockOn(Async.async(() -> {
                Board b = await(rig.connect());
                try {
                    List<Level> raw = bounce(rig, b, "D5", Duration.ZERO);
                    assertEquals(8, raw.size(), "without debounce (7 bounces and the fall): " + raw);
                    List<Level> debounced = bounce(rig, b, "D6", Duration.ofMillis(5));
                    assertEquals(List.of(Level.HIGH, Level.LOW), debounced, "with a 5 ms window");
                    assertThrows(PinException.class, () -> b.pin("D6").debounce(Duration.ofMillis(300)));
                } finally {
                    b.close();
                }
                return null;
            }));
        }
    }

    private static List<Level> bounce(VirtualRig rig, Board b, String pin, Duration window) {
        rig.vboard.set(pin, false);
        if (!window.isZero()) {
            await(b.pin(pin).debounce(window));
        }
        List<Level> got = new ArrayList<>();
        try (EdgeStream s = b.pin(pin).edges(EdgeFilter.BOTH)) {
            assertEquals(Level.LOW, await(b.pin(pin).initialLevel(s)).level());
            rig.vboard.wave(pin, Duration.ofMillis(2).dividedBy(10), 7); // 7 changes, 100 us apart
            rig.vboard.command("sleep 20ms"); // simulated time: the fall is 20 ms after the bounce, however loaded the machine
            rig.vboard.set(pin, false);
            Level last = Level.LOW;
            long firstNanos = -1;
            boolean fallSeen = false;
            while (true) {
                Edge e;
                try {
                    // until the fall (board time 20 ms after the first change), then 300 ms of quiet for any extra
                    e = await(Futures.timeout(s.next(), fallSeen ? Duration.ofMillis(300) : WAIT));
                } catch (TimedOutException quiet) {
                    assertTrue(fallSeen, pin + ": the fall 20 ms after the bounce never came: " + got);
                    break;
                }
                assertNotEquals(last, e.level(), pin + " levels alternate: " + got);
                last = e.level();
                got.add(e.level());
                firstNanos = firstNanos < 0 ? e.boardNanos().orElseThrow() : firstNanos;
                fallSeen = fallSeen || e.boardNanos().orElseThrow() - firstNanos >= 15_000_000;
            }
        }
        return got;
    }
}
