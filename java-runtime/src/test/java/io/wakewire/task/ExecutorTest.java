package io.wakewire.task;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecutorTest {

    /** The run queue gives back a burst's array once it is empty, and keeps FIFO order after. */
    @Test
    void theRunQueueShrinksAfterABurstAndStillRunsInOrder() {
        try (Executor ex = Executor.create()) {
            int burst = 3 * Executor.QUEUE_SHRINK_ABOVE;
            List<JoinHandle<Integer>> small = new ArrayList<>();
            ex.blockOn(cx -> {
                for (int i = 0; i < 100; i++) {
                    small.add(ex.spawn(Futures.ready(i)));
                }
                return Poll.ready(null);
            });
            ex.blockOn(Futures.join(small));
            assertEquals(0, ex.queueShrinks, "100 tasks are no burst");

            List<JoinHandle<Integer>> all = new ArrayList<>();
            for (int i = 0; i < burst; i++) {
                all.add(ex.spawn(Futures.ready(i)));
            }
            ex.blockOn(Futures.join(all));
            assertEquals(1, ex.queueShrinks, "the burst's queue is replaced once it is empty");

            List<Integer> order = new ArrayList<>();
            List<JoinHandle<Void>> after = new ArrayList<>();
            ex.blockOn(cx -> {
                for (int i = 0; i < 1000; i++) {
                    int k = i;
                    after.add(ex.spawn(Futures.lazy(() -> {
                        order.add(k);
                        return null;
                    })));
                }
                return Poll.ready(null);
            });
            ex.blockOn(Futures.join(after));
            assertEquals(1000, order.size());
            for (int i = 0; i < 1000; i++) {
                assertEquals(i, order.get(i), "FIFO after the shrink");
            }
        }
    }

    @Test
    void blockOnReturnsTheValueOfAReadyFuture() {
        try (Executor ex = Executor.create()) {
            assertEquals("hi", ex.blockOn(Futures.ready("hi")));
        }
    }

    @Test
    void spawnedTaskRunsAndItsHandleGivesTheValue() {
        try (Executor ex = Executor.create()) {
            JoinHandle<Integer> h = ex.spawn("answer", Futures.lazy(() -> 6 * 7));
            assertEquals(42, ex.blockOn(h));
            assertTrue(h.isDone());
            assertEquals("answer", h.name());
        }
    }

    @Test
    void aTaskWokenFromAnotherThreadIsPolledAgain() throws Exception {
        try (Executor ex = Executor.create()) {
            Probe<String> probe = new Probe<>("remote");
            Thread t = new Thread(() -> {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
                probe.complete("from another thread");
            });
            t.start();
            assertEquals("from another thread", ex.blockOn(probe));
            t.join();
        }
    }

    @Test
    void duplicateWakesCollapseIntoOnePoll() {
        try (Executor ex = Executor.create()) {
            int[] polls = {0};
            ex.blockOn(new Future<Void>() {
                @Override
                public Poll<Void> poll(Context cx) {
                    polls[0]++;
                    if (polls[0] == 1) {
                        for (int i = 0; i < 10; i++) {
                            cx.waker().wake();
                        }
                        return Poll.pending();
                    }
                    return Poll.ready(null);
                }
            });
            assertEquals(2, polls[0], "ten wakes during one poll must cause exactly one more poll");
        }
    }

    @Test
    void aThrowingTaskFailsItsJoinerButNotTheExecutor() {
        try (Executor ex = Executor.create()) {
            JoinHandle<Object> bad = ex.spawn("bad", cx -> {
                throw new IllegalArgumentException("boom");
            });
            JoinHandle<String> good = ex.spawn("good", Futures.ready("fine"));
            TaskFailedException e = assertThrows(TaskFailedException.class, () -> ex.blockOn(bad));
            assertInstanceOf(IllegalArgumentException.class, e.getCause());
            assertEquals("bad", e.taskName());
            assertTrue(e.getMessage().contains("bad") && e.getMessage().contains("boom"), e.getMessage());
            assertEquals("fine", ex.blockOn(good));
        }
    }

    @Test
    void blockOnRethrowsTheRootFuturesOwnException() {
        try (Executor ex = Executor.create()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> ex.blockOn(Futures.failed(new IllegalStateException("root failed"))));
            assertEquals("root failed", e.getMessage());
        }
    }

    @Test
    void blockOnFromInsideATaskIsRefusedWithAClearMessage() {
        try (Executor ex = Executor.create()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> ex.blockOn(Futures.lazy(() -> ex.blockOn(Futures.ready(1)))));
            assertTrue(e.getMessage().contains("inside a task"), e.getMessage());
        }
    }

    @Test
    void closeCancelsWhatIsLeftAndRefusesNewSpawns() {
        Executor ex = Executor.create();
        Probe<Void> probe = new Probe<>("forever");
        JoinHandle<Void> h = ex.spawn("waiter", probe);
        ex.blockOn(Futures.yieldNow()); // let the waiter start and park on the probe
        assertEquals(1, ex.liveTasks());
        ex.close();
        assertTrue(probe.cancelled, "the awaited future must be cancelled");
        assertTrue(h.isDone());
        assertEquals(0, ex.liveTasks());
        assertThrows(IllegalStateException.class, () -> ex.spawn("late", Futures.ready(1)));
        assertThrows(IllegalStateException.class, () -> ex.blockOn(Futures.ready(1)));
    }

    @Test
    void closeCancelsEveryTaskHoweverSmallTheBatch() {
        Executor ex = Executor.builder().maxBatch(1).build();
        List<JoinHandle<Void>> hs = new ArrayList<>();
        List<Probe<Void>> probes = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            Probe<Void> p = new Probe<>("p" + i);
            probes.add(p);
            hs.add(ex.spawn("t" + i, p));
        }
        ex.blockOn(Futures.sleep(java.time.Duration.ofMillis(1))); // every task polled once
        ex.close();
        assertEquals(0, ex.liveTasks());
        for (int i = 0; i < hs.size(); i++) {
            assertTrue(hs.get(i).isDone() && probes.get(i).cancelled, "task " + i);
        }
    }

    @Test
    void joiningACancelledTaskThrowsTaskCancelled() {
        try (Executor ex = Executor.create()) {
            Probe<Void> probe = new Probe<>("p");
            JoinHandle<Void> h = ex.spawn("victim", probe);
            ex.blockOn(Futures.yieldNow());
            h.cancel();
            assertThrows(TaskCancelledException.class, () -> ex.blockOn(h));
            assertTrue(probe.cancelled);
        }
    }

    @Test
    void detachedHandleIgnoresCancel() {
        try (Executor ex = Executor.create()) {
            Probe<String> probe = new Probe<>("p");
            JoinHandle<String> h = ex.spawn("detached", probe);
            h.detach();
            h.cancel();
            ex.blockOn(Futures.yieldNow());
            probe.complete("still ran");
            assertEquals("still ran", ex.blockOn(h));
            assertFalse(probe.cancelled);
        }
    }

    @Test
    void dumpNamesEachPendingTaskAndWhatItAwaits() {
        try (Executor ex = Executor.create()) {
            ex.spawn("sensor-reader", new Probe<Void>("edge on pin 2"));
            ex.spawn("ticker", Futures.sleep(java.time.Duration.ofHours(1)));
            ex.blockOn(Futures.yieldNow());
            String dump = ex.dump();
            assertTrue(dump.contains("2 live task(s)"), dump);
            assertTrue(dump.contains("sensor-reader") && dump.contains("probe(edge on pin 2)"), dump);
            assertTrue(dump.contains("ticker") && dump.contains("sleep("), dump);
        }
    }

    @Test
    void aSelfWakingTaskDoesNotStarveOthers() {
        try (Executor ex = Executor.create()) {
            boolean[] stop = {false};
            int[] spins = {0};
            ex.spawn("busy", cx -> {
                if (stop[0]) {
                    return Poll.ready(null);
                }
                spins[0]++;
                cx.waker().wake();
                return Poll.pending();
            });
            List<Integer> order = new ArrayList<>();
            ex.blockOn(Futures.lazy(() -> {
                order.add(spins[0]);
                stop[0] = true;
                return null;
            }));
            // The root was queued after "busy"; fair turns mean busy ran at most a turn or two before it.
            assertTrue(order.get(0) <= 2, "busy task ran " + order.get(0) + " times before the root got a turn");
        }
    }

    @Test
    void coopBudgetMakesAnAlwaysReadyLoopYield() {
        try (Executor ex = Executor.builder().budget(8).build()) {
            int[] otherRan = {0};
            int[] consumed = {0};
            int[] yields = {0};
            ex.spawn("other", Futures.lazy(() -> otherRan[0]++));
            ex.blockOn(new Future<Void>() {
                @Override
                public Poll<Void> poll(Context cx) {
                    while (consumed[0] < 100) {
                        if (!Coop.proceed(cx)) {
                            yields[0]++;
                            return Poll.pending();
                        }
                        consumed[0]++;
                    }
                    return Poll.ready(null);
                }
            });
            assertEquals(100, consumed[0]);
            assertEquals(12, yields[0], "100 units at 8 per poll: 12 exhausted polls");
            assertEquals(1, otherRan[0]);
        }
    }

    @Test
    void anInterruptCancelsTheRootAndEndsBlockOn() {
        try (Executor ex = Executor.create()) {
            Probe<Void> stuck = new Probe<>("stuck");
            Thread.currentThread().interrupt();
            try {
                assertThrows(TaskCancelledException.class, () -> ex.blockOn(stuck));
                assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag is left for the caller");
                assertTrue(stuck.cancelled);
            } finally {
                Thread.interrupted();
            }
        }
    }

    @Test
    void badSettingsAreRejectedWithTheirName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Executor.builder().budget(0));
        assertTrue(e.getMessage().contains("budget"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Executor.builder().tick(java.time.Duration.ZERO));
        assertTrue(e.getMessage().contains("tick"), e.getMessage());
    }

    @Test
    void sleepPolledOutsideAnExecutorSaysSo() {
        Context bare = new Context() {
            @Override
            public Waker waker() {
                return Waker.NOOP;
            }

            @Override
            public Executor executor() {
                return null;
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Futures.sleep(java.time.Duration.ofMillis(1)).poll(bare));
        assertTrue(e.getMessage().contains("sleep"), e.getMessage());
    }
}
