package io.wakewire.pi;

import static io.wakewire.pi.EdgeFilter.BOTH;
import static io.wakewire.pi.EdgeFilter.RISING;
import static io.wakewire.pi.Level.HIGH;
import static io.wakewire.pi.Level.LOW;
import static io.wakewire.task.Async.async;
import static io.wakewire.task.Async.await;
import static org.junit.jupiter.api.Assertions.*;

import io.wakewire.task.Executor;
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
        PiInput button = gpio.input(17, Pull.PULL_DOWN, Duration.ofMillis(1));
        JoinHandle<Edge> task = ex.spawn("button", async(() -> await(button.nextEdge(RISING))));

        Thread presser = new Thread(() -> {
            sleepMillis(20);            // the task is asleep on the pin by now (or the edge is buffered: both are fine)
            MockPi.set(button, HIGH);
        });
        presser.start();
        Edge e = ex.blockOn(task);

        assertEquals(HIGH, e.level());
        assertEquals(17, e.pin());
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
            PiInput in = gpio.input(20 + p, Pull.NONE, Duration.ZERO, 1 << 14);
            inputs.add(in);
            EdgeStream edges = in.edges(BOTH);
            tasks.add(ex.spawn("pin-" + in.pin(), async(() -> {
                long count = 0;
                long lastSeq = -1;
                while (count < togglesEach) {
                    Edge e = await(edges.next());
                    assertEquals(lastSeq + 1, e.seq(), "one driver per pin: edges arrive in order, none lost");
                    lastSeq = e.seq();
                    count++;
                }
                return count;
            })));
        }
        List<Thread> drivers = new ArrayList<>();
        for (PiInput in : inputs) {
            Thread t = new Thread(() -> {
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
            long last = -1;
            for (int i = 0; i < 10; i++) {
                last = await(rising.next()).seq();
            }
            return last;
        }));
        ex.spawn("driver", async(() -> {
            for (int i = 0; i < 20; i++) {
                out.toggle();
                await(Futures.yieldNow());
            }
            return null;
        }));
        assertEquals(18L, ex.blockOn(waiter), "the 10th rising edge is the 19th edge");
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
        assertEquals(HIGH, ex.blockOn(in.nextEdge(RISING)).level(), "the pin works for the next wait");
    }

    @Test
    void raceBetweenTwoPinsCancelsTheLoser() {
        PiInput a = gpio.input(5);
        PiInput b = gpio.input(6);
        MockPi.set(b, HIGH);
        Edge first = ex.blockOn(Futures.race(a.nextEdge(RISING), b.nextEdge(RISING)));
        assertEquals(6, first.pin());
        assertFalse(a.hasPendingWait(), "the losing wait was cancelled and left nothing behind");
    }

    @Test
    void anOverflowReachesTheAwaitingBodyAsAnException() {
        PiInput in = gpio.input(17, Pull.NONE, Duration.ZERO, 2);
        for (int i = 0; i < 5; i++) {
            MockPi.set(in, i % 2 == 0 ? HIGH : LOW);
        }
        JoinHandle<long[]> task = ex.spawn("slow", async(() -> {
            long lost = 0;
            long received = 0;
            while (received < 2) {
                try {
                    await(in.nextEdge(BOTH));
                    received++;
                } catch (EdgesLostException e) {
                    lost += e.lost();
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
        MockPi.mock(in).mockState(HIGH.toPi4j());
        assertEquals(seen, in.edgesSeen(), "the listener was detached on close");
    }

    private static void sleepMillis(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
