package io.wakewire.sync;

import io.wakewire.task.Executor;
import io.wakewire.task.Futures;
import io.wakewire.task.JoinHandle;
import io.wakewire.task.TimedOutException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.wakewire.task.Async.async;
import static io.wakewire.task.Async.await;
import static org.junit.jupiter.api.Assertions.*;

/** The primitives as tasks use them: on the real executor, through the sequential layer. */
class SyncOnExecutorTest {

    private static final Duration LIMIT = Duration.ofSeconds(20);

    @Test
    void producerAndConsumerTasksPassEveryMessageInOrderThroughASmallChannel() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (Executor ex = Executor.create()) {
                Channel<Integer> ch = new Channel<>("numbers", 4);
                ex.spawn("producer", async(() -> {
                    for (int i = 0; i < 1_000; i++) {
                        await(ch.send(i));
                    }
                    ch.close();
                    return null;
                }));
                List<Integer> got = ex.blockOn(async(() -> {
                    List<Integer> all = new ArrayList<>();
                    for (Integer m; (m = await(ch.receive())) != null; ) {
                        all.add(m);
                    }
                    return all;
                }));
                assertEquals(1_000, got.size());
                for (int i = 0; i < got.size(); i++) {
                    assertEquals(i, got.get(i));
                }
            }
        });
    }

    @Test
    void aReceiveThatLosesARaceIsCancelledAndTheNextMessageIsNotLost() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (Executor ex = Executor.create()) {
                Channel<String> ch = new Channel<>("replies", 2);
                assertThrows(TimedOutException.class,
                        () -> ex.blockOn(Futures.timeout(ch.receive(), Duration.ofMillis(5))));
                assertTrue(ch.trySend("late"));
                assertEquals("late", ex.blockOn(ch.receive()), "the cancelled receive must not have kept a place");
            }
        });
    }

    @Test
    void semaphoreLimitsHowManyTasksAreInsideAtOnce() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (Executor ex = Executor.create()) {
                Semaphore s = new Semaphore("three", 3);
                AtomicInteger inside = new AtomicInteger();
                AtomicInteger max = new AtomicInteger();
                List<JoinHandle<Void>> tasks = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    tasks.add(ex.spawn("worker-" + i, async(() -> {
                        try (Permit p = await(s.acquire())) {
                            max.accumulateAndGet(inside.incrementAndGet(), Math::max);
                            await(Futures.sleep(Duration.ofMillis(1)));
                            inside.decrementAndGet();
                        }
                        return null;
                    })));
                }
                ex.blockOn(Futures.join(tasks));
                assertEquals(3, max.get(), "three at a time, and all three used");
                assertEquals(3, s.availablePermits());
            }
        });
    }

    @Test
    void dumpShowsWhatATaskWaitsOnAndCancellingItFreesTheWaiterSlot() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (Executor ex = Executor.create()) {
                Semaphore s = new Semaphore("db", 0);
                JoinHandle<Permit> stuck = ex.spawn("stuck", s.acquire(2));
                ex.blockOn(Futures.yieldNow());
                ex.blockOn(Futures.yieldNow());
                String dump = ex.dump();
                assertTrue(dump.contains("Semaphore(db).acquire(2) [waiting"), dump);
                assertEquals(1, s.waiting());
                stuck.cancel();
                ex.blockOn(Futures.yieldNow());
                ex.blockOn(Futures.yieldNow());
                assertEquals(0, s.waiting());
                s.release(2);
                assertEquals(2, s.availablePermits(), "the cancelled acquire took nothing");
            }
        });
    }

    @Test
    void aConsumerOfABusyChannelStillLetsOtherTasksRun() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (Executor ex = Executor.create()) {
                int n = 10_000;
                Channel<Integer> ch = new Channel<>("busy", n);
                for (int i = 0; i < n; i++) {
                    assertTrue(ch.trySend(i));
                }
                ch.close();
                AtomicBoolean otherRan = new AtomicBoolean();
                ex.spawn("other", Futures.lazy(() -> {
                    otherRan.set(true);
                    return null;
                }));
                int seenAt = ex.blockOn(async(() -> {
                    int count = 0;
                    int firstSeen = -1;
                    while (await(ch.receive()) != null) {
                        if (firstSeen < 0 && otherRan.get()) {
                            firstSeen = count;
                        }
                        count++;
                    }
                    return firstSeen;
                }));
                assertTrue(seenAt >= 0 && seenAt < n,
                        "the other task ran only after all " + n + " messages (seen at " + seenAt + ")");
            }
        });
    }

    @Test
    void anAcquireReleaseLoopStillLetsOtherTasksRun() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (Executor ex = Executor.create()) {
                Semaphore s = new Semaphore("free", 1);
                AtomicBoolean otherRan = new AtomicBoolean();
                ex.spawn("other", Futures.lazy(() -> {
                    otherRan.set(true);
                    return null;
                }));
                int rounds = ex.blockOn(async(() -> {
                    int i = 0;
                    while (!otherRan.get() && i < 100_000) {
                        await(s.acquire()).close();
                        i++;
                    }
                    return i;
                }));
                assertTrue(otherRan.get() && rounds < 100_000,
                        "the other task did not run during " + rounds + " always-ready acquires");
            }
        });
    }

    @Test
    void aPlainThreadFeedsAnExecutorTaskThroughTrySendAndItsWakes() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (Executor ex = Executor.create()) {
                int n = 20_000;
                Channel<Integer> ch = new Channel<>("from-thread", 16);
                Thread feeder = Thread.ofPlatform().name("feeder").start(() -> {
                    for (int i = 0; i < n; i++) {
                        while (!ch.trySend(i)) {
                            Thread.onSpinWait();  // full: the executor task is behind
                        }
                    }
                    ch.close();
                });
                long sum = ex.blockOn(async(() -> {
                    long total = 0;
                    int expected = 0;
                    for (Integer m; (m = await(ch.receive())) != null; expected++) {
                        if (m != expected) {
                            throw new AssertionError("got " + m + ", expected " + expected);
                        }
                        total += m;
                    }
                    return total;
                }));
                feeder.join();
                assertEquals((long) n * (n - 1) / 2, sum);
            }
        });
    }
}
