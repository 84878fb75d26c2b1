package io.wakewire.e2e;

import static io.wakewire.task.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.Pi4J;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import io.wakewire.board.Board;
import io.wakewire.board.BoardResetException;
import io.wakewire.pin.Edge;
import io.wakewire.pin.EdgeFilter;
import io.wakewire.pin.EdgeStream;
import io.wakewire.pin.Level;
import io.wakewire.pi.PiGpio;
import io.wakewire.pi.PiOutput;
import io.wakewire.task.Async;
import io.wakewire.task.Executor;
import io.wakewire.task.Futures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A Raspberry Pi driving an AVR: Pi4J's mock output stands for a Pi GPIO, and a wire from it to the
 * virtual board carries each level change to a pin (or to the reset line). The loop is
 * Pi output → virtual board pin → AVR interrupt → EVENTS over the pty → the awaiting Java task.
 */
@Timeout(60)
class PiDrivesAvrTest {

    private static PiGpio mockPi() {
        return PiGpio.of(Pi4J.newContextBuilder().noAutoDetect()
                .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance())
                .build());
    }

    /** Drives the Pi output from a thread of its own, as a Pi's hardware would be driven outside the executor. */
    private static void drive(Runnable steps) {
        Thread t = new Thread(steps, "pi-driver");
        t.setDaemon(true);
        t.start();
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aPiOutputWiredToD2WakesTheTaskAwaitingD2() throws Exception {
        try (VirtualRig rig = VirtualRig.start("uno"); PiGpio gpio = mockPi(); Executor ex = Executor.create()) {
            PiOutput gpio27 = gpio.output(27);
            try (AutoCloseable wire = gpio27.onChange(level -> rig.vboard.set("D2", level == io.wakewire.pin.Level.HIGH))) {
                List<Edge> edges = ex.blockOn(Async.async(() -> {
                    Board b = await(rig.connect());
                    try {
                        EdgeStream d2 = b.pin("D2").edges(EdgeFilter.BOTH);
                        var first = Async.spawn("first", d2.next());
                        await(Futures.sleep(Duration.ofMillis(200))); // the ARM is acknowledged by then
                        drive(() -> {
                            gpio27.high();
                            pause(20);
                            gpio27.low();
                        });
                        List<Edge> out = new ArrayList<>();
                        out.add(await(Futures.timeout(first, Duration.ofSeconds(5))));
                        out.add(await(Futures.timeout(d2.next(), Duration.ofSeconds(5))));
                        return out;
                    } finally {
                        b.close();
                    }
                }));
                assertEquals(Level.HIGH, edges.get(0).level());
                assertEquals(Level.LOW, edges.get(1).level());
                assertTrue(edges.get(1).boardTicks().getAsLong() > edges.get(0).boardTicks().getAsLong(), "the falling edge comes later on the board's clock");
            }
        }
    }

    @Test
    void aPiOutputOnTheResetLineResetsTheBoard() throws Exception {
        try (VirtualRig rig = VirtualRig.start("uno"); PiGpio gpio = mockPi(); Executor ex = Executor.create()) {
            PiOutput resetLine = gpio.output(22, io.wakewire.pin.Level.HIGH);
            // RESET is active low: pulling the line low resets the AVR.
            try (AutoCloseable wire = resetLine.onChange(level -> {
                if (level == io.wakewire.pin.Level.LOW) {
                    rig.vboard.reset();
                }
            })) {
                String outcome = ex.blockOn(Async.async(() -> {
                    Board b = await(rig.connect());
                    try {
                        var waiter = Async.spawn("waiter", b.pin("D2").nextEdge(EdgeFilter.RISING));
                        await(Futures.sleep(Duration.ofMillis(200)));
                        drive(() -> {
                            resetLine.low();
                            pause(5);
                            resetLine.high();
                        });
                        try {
                            await(Futures.timeout(waiter, Duration.ofSeconds(5)));
                            return "no reset seen";
                        } catch (BoardResetException e) {
                            return "reset";
                        } catch (io.wakewire.task.TaskFailedException e) {
                            return e.getCause() instanceof BoardResetException ? "reset" : "failed: " + e.getCause();
                        }
                    } finally {
                        b.close();
                    }
                }));
                assertEquals("reset", outcome);
            }
        }
    }
}
