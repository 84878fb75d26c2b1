package io.wakewire.sync;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The primitives used from several OS threads at once, each thread driving its futures with a
 * parking loop (so every wait depends on a wake from another thread). Bounded in time: a lost
 * wake shows up as a timeout, not a hang.
 */
class CrossThreadTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    @Test
    void producersOnOtherThreadsLoseNothingAndKeepTheirOrder() {
        assertTimeoutPreemptively(LIMIT, () -> {
            int producers = 3;
            int perProducer = 20_000;
            Channel<long[]> ch = new Channel<>("xthread", 8);
            List<Thread> threads = new ArrayList<>();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            for (int p = 0; p < producers; p++) {
                int id = p;
                threads.add(Thread.ofPlatform().name("producer-" + p).start(() -> {
                    try {
                        ParkingLoop loop = new ParkingLoop();
                        for (int i = 0; i < perProducer; i++) {
                            if (i % 2 == 0) {
                                loop.blockOn(ch.send(new long[] {id, i}));
                            } else {
                                while (!ch.trySend(new long[] {id, i})) {
                                    Thread.onSpinWait();
                                }
                            }
                        }
                    } catch (Throwable t) {
                        failure.set(t);
                    }
                }));
            }
            Thread closer = Thread.ofPlatform().start(() -> {
                threads.forEach(t -> {
                    try {
                        t.join();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                ch.close();
            });
            ParkingLoop consumer = new ParkingLoop();
            long[] nextExpected = new long[producers];
            int count = 0;
            for (long[] m; (m = consumer.blockOn(ch.receive())) != null; count++) {
                assertEquals(nextExpected[(int) m[0]], m[1], "producer " + m[0] + " out of order");
                nextExpected[(int) m[0]]++;
            }
            closer.join();
            assertNull(failure.get());
            assertEquals(producers * perProducer, count);
        });
    }

    @Test
    void semaphoreNeverAdmitsMoreThanItsPermits() {
        assertTimeoutPreemptively(LIMIT, () -> {
            Semaphore s = new Semaphore("limit", 2);
            AtomicInteger inside = new AtomicInteger();
            AtomicInteger maxInside = new AtomicInteger();
            AtomicInteger done = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                threads.add(Thread.ofPlatform().start(() -> {
                    ParkingLoop loop = new ParkingLoop();
                    for (int i = 0; i < 5_000; i++) {
                        try (Permit p = loop.blockOn(s.acquire())) {
                            maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                            Thread.onSpinWait();
                            inside.decrementAndGet();
                        }
                        done.incrementAndGet();
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            assertEquals(20_000, done.get());
            assertTrue(maxInside.get() <= 2, "max inside " + maxInside.get());
            assertEquals(2, s.availablePermits());
        });
    }

    @Test
    void notifyPingPongBetweenThreadsLosesNoNotification() {
        assertTimeoutPreemptively(LIMIT, () -> {
            Notify ping = new Notify("ping");
            Notify pong = new Notify("pong");
            int rounds = 20_000;
            Thread other = Thread.ofPlatform().start(() -> {
                ParkingLoop loop = new ParkingLoop();
                for (int i = 0; i < rounds; i++) {
                    loop.blockOn(ping.notified());
                    pong.notifyOne();
                }
            });
            ParkingLoop loop = new ParkingLoop();
            for (int i = 0; i < rounds; i++) {
                ping.notifyOne();  // may land before the other side waits: the permit keeps it
                loop.blockOn(pong.notified());
            }
            other.join();
            assertFalse(ping.hasPermit());
            assertFalse(pong.hasPermit());
        });
    }

    @Test
    void watchReceiverOnAnotherThreadEndsAtTheLastValue() {
        assertTimeoutPreemptively(LIMIT, () -> {
            Watch<Integer> w = new Watch<>("counter", 0);
            Watch<Integer>.Receiver rx = w.subscribe();
            AtomicInteger last = new AtomicInteger(-1);
            Thread reader = Thread.ofPlatform().start(() -> {
                ParkingLoop loop = new ParkingLoop();
                int previous = 0;
                try {
                    while (true) {
                        int v = loop.blockOn(rx.changed());
                        if (v <= previous) {
                            throw new AssertionError("went back from " + previous + " to " + v);
                        }
                        previous = v;
                        last.set(v);
                    }
                } catch (ClosedException end) {
                    // the writer closed after its last value
                }
            });
            for (int i = 1; i <= 50_000; i++) {
                w.send(i);
            }
            w.close();
            reader.join();
            assertEquals(50_000, last.get(), "the last value must be seen before the close");
        });
    }
}
