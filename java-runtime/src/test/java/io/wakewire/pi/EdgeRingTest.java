package io.wakewire.pi;

import io.wakewire.pin.Edge;
import io.wakewire.pin.Level;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class EdgeRingTest {

    private static Edge edge(long n) {
        return Edge.onHost("GPIO17", n % 2 == 0 ? Level.HIGH : Level.LOW, n); // hostNanos carries n
    }

    @Test
    void keepsOrderAndRefusesWhenFull() {
        EdgeRing ring = new EdgeRing(3);        // not a power of two: still exactly 3
        assertTrue(ring.offer(edge(0)));
        assertTrue(ring.offer(edge(1)));
        assertTrue(ring.offer(edge(2)));
        assertFalse(ring.offer(edge(3)), "a full ring refuses");
        assertEquals(3, ring.size());
        assertEquals(0, ring.poll().hostNanos());
        assertTrue(ring.offer(edge(4)), "one taken, one room");
        assertEquals(1, ring.poll().hostNanos());
        assertEquals(2, ring.poll().hostNanos());
        assertEquals(4, ring.poll().hostNanos());
        assertNull(ring.poll());
    }

    @Test
    void rejectsNonsenseCapacity() {
        var e = assertThrows(IllegalArgumentException.class, () -> new EdgeRing(0));
        assertTrue(e.getMessage().contains("capacity"), e.getMessage());
    }

    /** Any interleaving of offers and polls behaves like a bounded FIFO that refuses when full. */
    @Property(tries = 300)
    void behavesLikeABoundedQueue(@ForAll @IntRange(min = 1, max = 9) int capacity,
                                  @ForAll @Size(max = 200) List<Boolean> offers) {
        EdgeRing ring = new EdgeRing(capacity);
        ArrayDeque<Long> model = new ArrayDeque<>();
        long n = 0;
        for (boolean offer : offers) {
            if (offer) {
                boolean stored = ring.offer(edge(n));
                assertEquals(model.size() < capacity, stored);
                if (stored) {
                    model.add(n);
                }
                n++;
            } else {
                Edge e = ring.poll();
                Long expected = model.poll();
                assertEquals(expected, e == null ? null : e.hostNanos());
            }
            assertEquals(model.size(), ring.size());
        }
    }

    /** Four producers at once, one consumer: every stored edge comes out exactly once. */
    @Test
    void manyProducersOneConsumerLoseNothingStored() throws Exception {
        EdgeRing ring = new EdgeRing(64);
        int producers = 4;
        int each = 50_000;
        CountDownLatch start = new CountDownLatch(1);
        long[] stored = new long[producers];
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int id = p;
            Thread t = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    if (ring.offer(edge((long) id * each + i))) {
                        stored[id]++;
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        Set<Long> seen = new HashSet<>();
        long[] lastPerProducer = new long[producers];
        java.util.Arrays.fill(lastPerProducer, -1);
        start.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (threads.stream().anyMatch(Thread::isAlive) || ring.size() > 0) {
            Edge e = ring.poll();
            if (e == null) {
                Thread.onSpinWait();
            } else {
                assertTrue(seen.add(e.hostNanos()), "taken twice: " + e.hostNanos());
                int producer = (int) (e.hostNanos() / each);
                assertTrue(e.hostNanos() > lastPerProducer[producer], "one producer's edges out of order");
                lastPerProducer[producer] = e.hostNanos();
            }
            assertTrue(System.nanoTime() < deadline, "consumer did not finish in 20 s");
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(java.util.Arrays.stream(stored).sum(), seen.size());
    }
}
