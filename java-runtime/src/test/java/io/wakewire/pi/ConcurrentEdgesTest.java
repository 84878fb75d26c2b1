package io.wakewire.pi;

import io.wakewire.pin.Edge;
import io.wakewire.pin.Level;
import io.wakewire.pin.EdgeFilter;
import io.wakewire.pin.EdgeStream;
import io.wakewire.pin.EdgesLostException;

import static org.junit.jupiter.api.Assertions.*;

import com.pi4j.io.gpio.digital.DigitalStateChangeListener;
import io.wakewire.task.Future;
import io.wakewire.task.Poll;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Several threads drive one mock pin at once (under the mock plugin the listener runs on each
 * driving thread) while one consumer awaits the edges, sleeping between wakes.
 *
 * <p>The drivers work in rounds: each fires a short burst, then waits for the next round. So the
 * last edge of every round is one after which nothing else will wake the consumer; if that
 * edge's wake were lost the consumer would sleep with an edge unaccounted for, and the test
 * fails after 5 s. Every edge Pi4J dispatched must be either received or reported lost.
 */
@Timeout(120)
class ConcurrentEdgesTest {

    @Test
    void noLostWakeWithFourDriversOnOnePin() throws Exception {
        long[] r = run(4, 2_000, 25, 1 << 12);
        assertEquals(0, r[1], "nothing lost when the buffer holds every edge of a round");
    }

    @Test
    void overflowUnderConcurrencyIsCountedExactly() throws Exception {
        long[] r = run(3, 500, 40, 8);
        assertTrue(r[1] > 0, "bursts of 120 edges into a buffer of 8 must lose some");
    }

    /** Returns {received, lost}. */
    private long[] run(int drivers, int rounds, int burst, int capacity) throws Exception {
        try (PiGpio gpio = MockPi.gpio()) {
            PiInput in = gpio.input(17, InputOptions.defaults().withBuffer(capacity));
            AtomicLong dispatched = new AtomicLong();
            DigitalStateChangeListener counter = e -> dispatched.incrementAndGet();
            in.digitalInput().addListener(counter);

            Semaphore[] go = new Semaphore[drivers];
            AtomicInteger finishedBursts = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            for (int d = 0; d < drivers; d++) {
                Semaphore mine = go[d] = new Semaphore(0);
                Thread t = new Thread(() -> {
                    Level level = Level.LOW;
                    for (int r = 0; r < rounds; r++) {
                        mine.acquireUninterruptibly();
                        for (int i = 0; i < burst; i++) {
                            level = level.inverse();
                            MockPi.set(in, level);
                        }
                        finishedBursts.incrementAndGet();
                    }
                }, "driver-" + d);
                t.setDaemon(true);
                t.start();
                threads.add(t);
            }

            ManualContext cx = new ManualContext();
            long received = 0;
            long lost = 0;
            EdgeStream stream = in.edges(EdgeFilter.BOTH);
            Future<Edge> next = stream.next();
            assertTrue(cx.poll(next).isPending(), "the stream starts before the drivers do");
            for (int round = 1; round <= rounds; round++) {
                for (Semaphore s : go) {
                    s.release();
                }
                int roundEnd = round * drivers;
                consume:
                while (true) {
                    Poll<Edge> p;
                    try {
                        p = cx.poll(next);
                    } catch (EdgesLostException e) {
                        lost += e.count();
                        next = stream.next();
                        continue;
                    }
                    if (p.isReady()) {
                        received++;
                        next = stream.next();
                        continue;
                    }
                    // Pending: sleep until woken. The timed waits only look at the drivers and
                    // never poll, so a missed wake cannot be papered over by a spare poll.
                    while (true) {
                        boolean idle = finishedBursts.get() == roundEnd;
                        if (idle && received + lost == in.edgesSeen()) {
                            break consume;
                        }
                        if (idle) {
                            if (!cx.awaitWake(5_000)) {
                                fail("lost wake in round " + round + ": the drivers are idle, "
                                        + (in.edgesSeen() - received - lost)
                                        + " edge(s) are buffered or unreported, and no wake came in 5 s");
                            }
                            break;
                        }
                        if (cx.awaitWake(1)) {
                            break;
                        }
                    }
                }
            }
            next.cancel();
            for (Thread t : threads) {
                t.join(10_000);
            }
            assertEquals(dispatched.get(), in.edgesSeen(), "our listener saw every edge Pi4J dispatched");
            assertEquals(dispatched.get(), received + lost, "every edge was received or reported lost");
            assertEquals(lost, in.lostTotal());
            assertTrue(dispatched.get() >= rounds, "the drivers produced edges");
            assertFalse(in.hasPendingWait());
            in.digitalInput().removeListener(counter);
            return new long[] {received, lost};
        }
    }
}
