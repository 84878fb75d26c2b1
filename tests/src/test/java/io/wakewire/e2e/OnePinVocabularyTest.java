package io.wakewire.e2e;

import static io.wakewire.task.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.Pi4J;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import io.wakewire.board.Board;
import io.wakewire.pi.PiGpio;
import io.wakewire.pi.PiInput;
import io.wakewire.pin.Edge;
import io.wakewire.pin.EdgeFilter;
import io.wakewire.pin.EdgeSource;
import io.wakewire.pin.EdgeStream;
import io.wakewire.pin.Level;
import io.wakewire.task.Async;
import io.wakewire.task.Executor;
import io.wakewire.task.Future;
import io.wakewire.task.Futures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One program, one vocabulary: a Pi pin (Pi4J's mock GPIO17) and an AVR pin (D2 of the real
 * firmware on a virtual Uno) awaited through {@link EdgeSource} alone, with the same {@link Edge},
 * {@link EdgeFilter} and {@link EdgeStream} types. A driver thread raises both pins together every
 * 20 ms until the program has what it waits for.
 */
@Timeout(60)
class OnePinVocabularyTest {

    /** The program: knows nothing of boards or Pis, only EdgeSource. */
    private static Future<List<Edge>> firstRises(List<EdgeSource> pins) {
        List<Future<Edge>> waits = new ArrayList<>();
        for (EdgeSource p : pins) {
            waits.add(p.nextEdge(EdgeFilter.RISING));
        }
        return Futures.join(waits);
    }

    /** Three rising edges of each pin, read through streams closed by try-with-resources. */
    private static List<Edge> threeRisesEach(List<EdgeSource> pins) throws Exception {
        List<Edge> got = new ArrayList<>();
        for (EdgeSource p : pins) {
            try (EdgeStream s = p.edges(EdgeFilter.RISING)) {
                for (int i = 0; i < 3; i++) {
                    got.add(await(Futures.timeout(s.next(), Duration.ofSeconds(10))));
                }
            }
        }
        return got;
    }

    @Test
    void aPiPinAndAnAvrPinAreAwaitedWithTheSameTypes() throws Exception {
        try (VirtualRig rig = VirtualRig.start("uno");
             PiGpio gpio = PiGpio.of(Pi4J.newContextBuilder().noAutoDetect()
                     .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance()).build());
             Executor ex = Executor.create()) {
            PiInput gpio17 = gpio.input(17);
            MockDigitalInput mock = (MockDigitalInput) gpio17.digitalInput();
            AtomicBoolean done = new AtomicBoolean();
            Thread driver = new Thread(() -> {
                boolean high = false;
                while (!done.get()) {
                    high = !high;
                    rig.vboard.set("D2", high);
                    mock.mockState(high ? DigitalState.HIGH : DigitalState.LOW);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "both-pins-driver");
            driver.setDaemon(true);
            try {
                ex.blockOn(Async.run(() -> {
                    try (Board board = await(rig.connect())) {
                        List<EdgeSource> pins = List.of(board.pin("D2"), gpio17);
                        driver.start();
                        List<Edge> first = await(Futures.timeout(firstRises(pins), Duration.ofSeconds(10)));
                        assertEquals(List.of("D2", "GPIO17"), first.stream().map(Edge::pin).toList());
                        for (Edge e : first) {
                            assertEquals(Level.HIGH, e.level());
                            assertTrue(e.isRising());
                            assertTrue(e.arrivalNanos() > 0 && !e.latency().isNegative() || !e.hostTimeVouched(), e.toString());
                        }
                        assertTrue(first.get(0).boardTicks().isPresent(), "the AVR's edge carries its board tick");
                        assertTrue(first.get(1).boardTicks().isEmpty(), "the Pi's edge has no board time");

                        List<Edge> streamed = threeRisesEach(pins);
                        assertEquals(6, streamed.size());
                        for (int i = 0; i < 6; i++) {
                            assertEquals(i < 3 ? "D2" : "GPIO17", streamed.get(i).pin());
                            assertEquals(Level.HIGH, streamed.get(i).level());
                        }
                        assertTrue(streamed.get(1).boardTicks().getAsLong() > streamed.get(0).boardTicks().getAsLong());
                    }
                }));
            } finally {
                done.set(true);
                driver.join(5_000);
            }
        }
    }
}
