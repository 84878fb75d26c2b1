package io.wakewire.task;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many threads wake many tasks as fast as they can: every wake that follows a "post" must lead
 * to a poll that sees it (no lost wake), a task is never polled twice at once (no double
 * poll), and everything ends (no deadlock; the test has a hard time limit).
 */
class WakeStressTest {

    /** A counter that producers bump and a task drains; it completes after {@code target} units. */
    private static final class Counter implements Future<Integer> {
        final AtomicInteger posted = new AtomicInteger();
        final AtomicInteger inPoll = new AtomicInteger();
        final AtomicReference<Waker> waker = new AtomicReference<>();
        final int target;
        volatile boolean doublePoll;
        int seen;
        int polls;

        Counter(int target) {
            this.target = target;
        }

        void post() {
            posted.incrementAndGet();
            Waker w = waker.get();
            if (w != null) {
                w.wake();
            }
        }

        @Override
        public Poll<Integer> poll(Context cx) {
            if (inPoll.incrementAndGet() != 1) {
                doublePoll = true;
            }
            try {
                polls++;
                waker.set(cx.waker()); // register before reading: a post after this read wakes us
                seen = posted.get();
                return seen >= target ? Poll.ready(polls) : Poll.pending();
            } finally {
                inPoll.decrementAndGet();
            }
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void crossThreadWakesAreNeverLostNorDoubled() throws Exception {
        int tasks = 64;
        int producers = 3;
        int perProducerPerTask = 2_000;
        try (Executor ex = Executor.create()) {
            List<Counter> counters = new ArrayList<>();
            List<JoinHandle<Integer>> handles = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                Counter c = new Counter(producers * perProducerPerTask);
                counters.add(c);
                handles.add(ex.spawn("counter-" + i, c));
            }
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                int seed = p;
                Thread t = new Thread(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int k = 0; k < perProducerPerTask; k++) {
                        for (int i = 0; i < tasks; i++) {
                            counters.get((i + seed * 7) % tasks).post();
                        }
                        if (k % 256 == 0) {
                            Thread.yield(); // let the executor sleep now and then, to exercise unpark
                        }
                    }
                }, "producer-" + p);
                threads.add(t);
                t.start();
            }
            go.countDown();
            List<Integer> polls = ex.blockOn(Futures.join(handles));
            for (Thread t : threads) {
                t.join();
            }
            long total = 0;
            for (int i = 0; i < tasks; i++) {
                Counter c = counters.get(i);
                assertFalse(c.doublePoll, "task " + i + " polled concurrently");
                assertEquals(producers * perProducerPerTask, c.seen, "task " + i);
                total += polls.get(i);
            }
            // Duplicate wakes collapse: far fewer polls than wakes (printed, not asserted: timing-dependent).
            System.out.printf("wake stress: %d wakes, %d polls%n", (long) tasks * producers * perProducerPerTask, total);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void spawnsAndCancelsFromOtherThreadsAllSettle() throws Exception {
        try (Executor ex = Executor.create()) {
            int n = 2_000;
            List<JoinHandle<Void>> handles = java.util.Collections.synchronizedList(new ArrayList<>());
            Thread spawner = new Thread(() -> {
                for (int i = 0; i < n; i++) {
                    JoinHandle<Void> h = ex.spawn("remote-" + i, Futures.never());
                    handles.add(h);
                    h.cancel();
                }
            });
            spawner.start();
            ex.blockOn(Async.async(() -> {
                while (spawner.isAlive() || handles.stream().anyMatch(h -> !h.isDone())) {
                    Async.await(Futures.sleep(java.time.Duration.ofMillis(1)));
                }
                return null;
            }));
            spawner.join();
            assertEquals(n, handles.size());
            for (JoinHandle<Void> h : handles) {
                assertThrows(TaskCancelledException.class, () -> ex.blockOn(h));
            }
            assertEquals(0, ex.liveTasks());
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aSpawnRacingCloseNeverLeavesAHandleHanging() throws Exception {
        for (int round = 0; round < 20; round++) {
            Executor ex = Executor.create();
            List<JoinHandle<Void>> handles = java.util.Collections.synchronizedList(new ArrayList<>());
            CountDownLatch started = new CountDownLatch(1);
            Thread spawner = new Thread(() -> {
                try {
                    for (int i = 0; ; i++) {
                        handles.add(ex.spawn("racer-" + i, Futures.never()));
                        if (i == 100) {
                            started.countDown();
                        }
                    }
                } catch (IllegalStateException closed) {
                    started.countDown(); // the executor closed: spawning stops, as documented
                }
            });
            spawner.start();
            started.await();
            ex.close();
            spawner.join();
            synchronized (handles) {
                for (JoinHandle<Void> h : handles) {
                    assertTrue(h.isDone(), "handle " + h.name() + " left hanging after close");
                }
            }
        }
    }
}
