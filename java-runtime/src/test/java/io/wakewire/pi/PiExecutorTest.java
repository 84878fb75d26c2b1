package io.wakewire.pi;

import io.wakewire.pin.Edge;
import io.wakewire.pin.Level;
import io.wakewire.pin.EdgeStream;
import io.wakewire.pin.EdgesLostException;

import static io.wakewire.pin.EdgeFilter.BOTH;
import static io.wakewire.pin.EdgeFilter.RISING;
import static io.wakewire.pin.Level.HIGH;
import static io.wakewire.pin.Level.LOW;
import static io.wakewire.task.Async.async;
import static io.wakewire.task.Async.await;
import static org.junit.jupiter.api.Assertions.*;

import io.wakewire.task.Executor;
import io.wakewire.task.Future;
import io.wakewire.task.Futures;
import io.wakewire.task.JoinHandle;
import io.wakewire.task.TimedOutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Pi edges awaited by tasks on the real executor, written as a user would write them. */
@Timeout(60)
class PiExecutorTest {

    private final PiGpio gpio = MockPi.gpio();
    private final Executor ex = Executor.create();

    @AfterEach
    void close() {
        ex.close();
        gpio.close();
    }

    @Test
    void aTaskAwaitsARisingEdgeDrivenFromAnotherThread() {
        PiInput button = gpio.input(17, InputOptions.defaults().withPull(Pull.PULL_DOWN).withDebounce(Duration.ofMillis(1)));
        JoinHandle<Edge> task = ex.spawn("button", async(() -> await(button.nextEdge(RISING))));

        Thread presser = new Thread(() -> {
            awaited(button);            // nextEdge counts edges after the wait starts
            MockPi.set(button, HIGH);
        });
        presser.start();
        Edge e = ex.blockOn(task);

        assertEquals(HIGH, e.level());
        assertEquals("GPIO17", e.pin());
        assertFalse(button.hasPendingWait());
    }

    /** One task per pin, one driving thread per pin, all at once: every edge reaches its task. */
    @Test
    void severalPinsDrivenConcurrentlyLoseNoWake() throws Exception {
        int pins = 4;
        int togglesEach = 5_000;
        List<PiInput> inputs = new ArrayList<>();
        List<JoinHandle<Long>> tasks = new ArrayList<>();
        for (int p = 0; p < pins; p++) {
            PiInput in = gpio.input(20 + p, InputOptions.defaults().withBuffer(1 << 14));
            inputs.add(in);
            EdgeStream edges = in.edges(BOTH);
            tasks.add(ex.spawn("pin-" + in.name(), async(() -> {
                long count = 0;
                Level want = HIGH;
                while (count < togglesEach) {
                    Edge e = await(edges.next());
                    assertEquals(want, e.level(), "one driver per pin: levels alternate, in order, none lost");
                    want = want.inverse();
                    count++;
                }
                return count;
            })));
        }
        List<Thread> drivers = new ArrayList<>();
        for (PiInput in : inputs) {
            Thread t = new Thread(() -> {
                awaited(in);            // the stream starts at its first next(): drive after that
                Level level = LOW;
                for (int i = 0; i < togglesEach; i++) {
                    level = level.inverse();
                    MockPi.set(in, level);
                }
            });
            t.start();
            drivers.add(t);
        }
        List<Long> counts = ex.blockOn(Futures.join(tasks));
        for (Thread t : drivers) {
            t.join();
        }
        assertEquals(List.of((long) togglesEach, (long) togglesEach, (long) togglesEach, (long) togglesEach), counts);
        for (PiInput in : inputs) {
            assertEquals(0, in.lostTotal());
        }
    }

    /**
     * With the mock plugin the listener runs on whichever thread changes the pin, here the
     * executor's own thread: a task writes an output that is wired (through its change hook, as a
     * jumper would be) to an input another task awaits. The wake comes from inside a task and
     * must neither run the waiter inline nor be lost.
     */
    @Test
    void anOutputWiredToAnInputWakesATaskOnTheSameExecutorThread() throws Exception {
        PiInput in = gpio.input(17);
        PiOutput out = gpio.output(27);
        AutoCloseable jumper = out.onChange(level -> MockPi.set(in, level));
        JoinHandle<Long> waiter = ex.spawn("waiter", async(() -> {
            EdgeStream rising = in.edges(RISING);
            long n = 0;
            for (int i = 0; i < 10; i++) {
                n += await(rising.next()).isRising() ? 1 : 0;
            }
            return n;
        }));
        ex.spawn("driver", async(() -> {
            for (int i = 0; i < 20; i++) {
                out.toggle();
                await(Futures.yieldNow());
            }
            return null;
        }));
        assertEquals(10L, ex.blockOn(waiter), "ten rising edges, none lost, none skipped");
        jumper.close();
        assertEquals(0, in.lostTotal());
    }

    @Test
    void aTimedOutWaitLeavesNoListenerAndNoWakerBehind() {
        PiInput in = gpio.input(17);
        MockPi.set(in, HIGH);
        MockPi.set(in, LOW);
        in.discardBuffered();
        assertEquals(2, in.edgesSeen(), "one Pi4J listener per open pin: each change seen once");

        JoinHandle<String> task = ex.spawn("impatient", async(() -> {
            try {
                await(Futures.timeout(in.nextEdge(RISING), Duration.ofMillis(20)));
                return "edge";
            } catch (TimedOutException e) {
                return "timed out";
            }
        }));
        assertEquals("timed out", ex.blockOn(task));

        assertFalse(in.hasPendingWait(), "the cancelled wait withdrew its waker");
        MockPi.set(in, HIGH);
        assertEquals(3, in.edgesSeen(), "still exactly one listener: the wait added none and left none");
        new Thread(() -> {
            awaited(in);
            MockPi.set(in, LOW);
            MockPi.set(in, HIGH);
        }).start();
        assertEquals(HIGH, ex.blockOn(in.nextEdge(RISING)).level(), "the pin works for the next wait");
    }

    @Test
    void raceBetweenTwoPinsCancelsTheLoser() {
        PiInput a = gpio.input(5);
        PiInput b = gpio.input(6);
        new Thread(() -> {
            awaited(b);
            MockPi.set(b, HIGH);
        }).start();
        Edge first = ex.blockOn(Futures.race(a.nextEdge(RISING), b.nextEdge(RISING)));
        assertEquals("GPIO6", first.pin());
        assertFalse(a.hasPendingWait(), "the losing wait was cancelled and left nothing behind");
    }

    @Test
    void anOverflowReachesTheAwaitingBodyAsAnException() {
        PiInput in = gpio.input(17, InputOptions.defaults().withBuffer(2));
        EdgeStream all = in.edges(BOTH);
        Future<Edge> first = all.next();
        assertTrue(new ManualContext().poll(first).isPending(), "the stream starts here");
        first.cancel();
        for (int i = 0; i < 5; i++) {
            MockPi.set(in, i % 2 == 0 ? HIGH : LOW);
        }
        JoinHandle<long[]> task = ex.spawn("slow", async(() -> {
            long lost = 0;
            long received = 0;
            while (received < 2) {
                try {
                    await(all.next());
                    received++;
                } catch (EdgesLostException e) {
                    lost += e.count();
                }
            }
            return new long[] {received, lost};
        }));
        assertArrayEquals(new long[] {2, 3}, ex.blockOn(task));
    }

    @Test
    void closingThePinWakesTheTaskWithPinClosed() {
        PiInput in = gpio.input(17);
        JoinHandle<String> task = ex.spawn("waiter", async(() -> {
            try {
                await(in.nextEdge(BOTH));
                return "edge";
            } catch (PinClosedException e) {
                return e.getMessage();
            }
        }));
        new Thread(() -> {
            sleepMillis(20);
            in.close();
        }).start();
        assertEquals("GPIO17 is closed", ex.blockOn(task));
        long seen = in.edgesSeen();
        MockPi.mock(in).mockState(PiLevels.toPi4j(HIGH));
        assertEquals(seen, in.edgesSeen(), "the listener was detached on close");
    }

    /** Returns once a task sleeps on {@code in} (its wait has started), from a driving thread. */
    private static void awaited(PiInput in) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!in.isAwaited()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(in.name() + ": no task awaited it within 10 s");
            }
            Thread.onSpinWait();
        }
    }

    private static void sleepMillis(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
