package io.wakewire.task;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The sequential layer, on both engines: the same semantics whatever carries the body. */
class AsyncTest {

    static Stream<AsyncEngine> engines() {
        // surefire exports jdk.internal.vm, so both engines must be here; if not, fail loudly.
        assertTrue(AsyncEngine.continuationsAvailable(), "surefire's argLine must export jdk.internal.vm");
        return Stream.of(AsyncEngine.continuations(), AsyncEngine.threadHandoff());
    }

    private final VirtualClock clock = new VirtualClock();
    private final Executor ex = Executor.builder().clock(clock).parker(clock).build();

    @ParameterizedTest
    @MethodSource("engines")
    void aBodyReadsTopToBottomAcrossAwaits(AsyncEngine engine) {
        Probe<Integer> a = new Probe<>("a");
        Future<String> body = engine.async(() -> {
            Async.await(Futures.sleep(Duration.ofMillis(10)));
            int x = Async.await(a);
            Async.await(Futures.yieldNow());
            return "got " + x;
        });
        ex.spawn("completer", Futures.sleep(Duration.ofMillis(20)).map(v -> {
            a.complete(7);
            return null;
        }));
        assertEquals("got 7", ex.blockOn(body));
        assertEquals(20_000_000, clock.nanoTime());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void bodiesInterleaveOnlyAtAwait(AsyncEngine engine) {
        List<String> log = new ArrayList<>();
        List<JoinHandle<Void>> hs = new ArrayList<>();
        for (String who : List.of("A", "B")) {
            hs.add(ex.spawn(who, engine.async(() -> {
                for (int i = 0; i < 3; i++) {
                    log.add(who + i + "<");
                    log.add(who + i + ">"); // nothing can run between these two lines
                    Async.await(Futures.yieldNow());
                }
                return null;
            })));
        }
        ex.blockOn(Futures.join(hs));
        assertEquals(List.of("A0<", "A0>", "B0<", "B0>", "A1<", "A1>", "B1<", "B1>", "A2<", "A2>", "B2<", "B2>"), log);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aBodysExceptionIsTheFuturesFailure(AsyncEngine engine) {
        JoinHandle<Object> h = ex.spawn("thrower", engine.async(() -> {
            Async.await(Futures.yieldNow());
            throw new java.io.IOException("line lost");
        }));
        TaskFailedException e = assertThrows(TaskFailedException.class, () -> ex.blockOn(h));
        assertInstanceOf(java.io.IOException.class, e.getCause());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void anAwaitedFailureIsThrownInsideTheBodyWhereItCanBeCaught(AsyncEngine engine) {
        String r = ex.blockOn(engine.async(() -> {
            try {
                Async.await(Futures.failed(new IllegalStateException("nope")));
                return "not reached";
            } catch (IllegalStateException e) {
                return "caught " + e.getMessage();
            }
        }));
        assertEquals("caught nope", r);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void cancellingTheTaskCancelsWhatTheBodyAwaitsAndRunsFinally(AsyncEngine engine) {
        Probe<Void> inner = new Probe<>("inner");
        List<String> log = new ArrayList<>();
        JoinHandle<Object> h = ex.spawn("body", engine.async(() -> {
            try {
                Async.await(Futures.join(inner, Futures.never()));
                log.add("not reached");
            } catch (TaskCancelledException e) {
                log.add("await threw cancelled");
                throw e;
            } finally {
                log.add("finally ran");
            }
            return null;
        }));
        ex.blockOn(Futures.yieldNow());
        h.cancel();
        assertThrows(TaskCancelledException.class, () -> ex.blockOn(h));
        assertTrue(inner.cancelled, "cancellation must reach the awaited future's children");
        assertEquals(List.of("await threw cancelled", "finally ran"), log);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void bodiesNest(AsyncEngine engine) {
        Future<Integer> outer = engine.async(() -> {
            int a = Async.await(engine.async(() -> {
                Async.await(Futures.sleep(Duration.ofMillis(3)));
                return 20;
            }));
            int b = Async.await(engine.async(() -> 22));
            return a + b;
        });
        assertEquals(42, ex.blockOn(outer));
    }

    /** The continuation engine names the mounted body in an executor field: a nested body that yields must hand the outer one back. */
    @ParameterizedTest
    @MethodSource("engines")
    void aNestedBodyThatYieldsGivesTheOuterBodyBackItsOwnAwait(AsyncEngine engine) {
        List<String> log = new ArrayList<>();
        Future<Integer> outer = engine.async(() -> {
            int a = Async.await(engine.async(() -> {
                Async.await(Futures.yieldNow());
                log.add("inner resumed");
                Async.await(Futures.yieldNow());
                return 1;
            }));
            Async.await(Futures.yieldNow());
            log.add("outer resumed");
            assertSame(ex, Async.context().executor());
            return a + Async.await(Futures.ready(1));
        });
        assertEquals(2, ex.blockOn(outer));
        assertEquals(List.of("inner resumed", "outer resumed"), log);
    }

    /** A body asleep (on its task's own timer, with the continuation engine) is cancelled: the timer leaves the wheel. */
    @ParameterizedTest
    @MethodSource("engines")
    void cancellingASleepingBodyTakesItsTimerOutOfTheWheel(AsyncEngine engine) {
        List<String> log = new ArrayList<>();
        JoinHandle<Object> h = ex.spawn("sleeper", engine.async(() -> {
            try {
                Async.await(Futures.sleep(Duration.ofHours(1)));
                log.add("not reached");
            } finally {
                log.add("finally");
            }
            return null;
        }));
        ex.blockOn(Futures.yieldNow());
        ex.blockOn(Futures.yieldNow());
        assertTrue(ex.dump().contains(" 1 timer(s)"), ex.dump());
        h.cancel();
        assertThrows(TaskCancelledException.class, () -> ex.blockOn(h));
        assertEquals(List.of("finally"), log);
        assertTrue(ex.dump().contains(" 0 timer(s)"), ex.dump());
    }

    /**
     * Sleeps on the task's own timer, which the continuation engine starts after the body has
     * suspended: a past deadline or a zero duration goes on at once, in the same poll; a real one
     * ends at its deadline, relative or absolute; meanwhile the dump says what the body awaits.
     */
    @ParameterizedTest
    @MethodSource("engines")
    void aBodysSleepsEndAtTheirDeadlinesAndPastOnesAtOnce(AsyncEngine engine) {
        long start = clock.nanoTime();
        List<String> log = new ArrayList<>();
        JoinHandle<Object> h = ex.spawn("sleeper", engine.async(() -> {
            Async.await(Futures.sleepUntil(start - 5));
            Async.await(Futures.sleep(Duration.ZERO));
            Async.await(Futures.sleep(Duration.ofMillis(-3)));
            log.add("past ones at " + (clock.nanoTime() - start) + " ns");
            Async.await(Futures.sleep(Duration.ofMillis(7)));
            log.add("7 ms one at " + (clock.nanoTime() - start) / 1_000_000 + " ms");
            Async.await(Futures.sleepUntil(start + 20_000_000));
            log.add("deadline at " + (clock.nanoTime() - start) / 1_000_000 + " ms");
            return null;
        }));
        ex.blockOn(Futures.yieldNow());
        assertEquals(List.of("past ones at 0 ns"), log, "the past sleeps took no turn and no time");
        assertTrue(ex.dump().contains(" 1 timer(s)") && ex.dump().contains("sleeper [IDLE] awaits async(awaits sleep("),
                ex.dump());
        ex.blockOn(h);
        assertEquals(List.of("past ones at 0 ns", "7 ms one at 7 ms", "deadline at 20 ms"), log);
        assertTrue(ex.dump().contains(" 0 timer(s)"), ex.dump());
    }

    /** A sleeping body that loses a race gives the timer back, and the task can sleep again. */
    @ParameterizedTest
    @MethodSource("engines")
    void aSleepingBodyThatLosesARaceLeavesNoTimerAndTheTaskSleepsAgain(AsyncEngine engine) {
        long start = clock.nanoTime();
        Future<String> body = engine.async(() -> {
            String winner = Async.await(Futures.race(
                    engine.async(() -> {
                        Async.await(Futures.sleep(Duration.ofMillis(50)));
                        return "slow";
                    }),
                    Futures.sleep(Duration.ofMillis(10)).map(v -> "fast")));
            String timers = ex.dump().contains(" 0 timer(s)") ? "no timer left" : ex.dump();
            Async.await(Futures.sleep(Duration.ofMillis(5)));
            return winner + ", " + timers + ", " + (clock.nanoTime() - start) / 1_000_000 + " ms";
        });
        assertEquals("fast, no timer left, 15 ms", ex.blockOn(body));
    }

    /** A body polled outside any executor (a hand-made Context) still finds itself in await. */
    @Test
    void aContinuationBodyPolledWithoutAnExecutorStillAwaits() {
        int[] woken = {0};
        Context cx = new Context() {
            @Override
            public Waker waker() {
                return () -> woken[0]++;
            }

            @Override
            public Executor executor() {
                return null;
            }
        };
        Future<Integer> body = AsyncEngine.continuations().async(() -> {
            Async.await(Futures.yieldNow());
            return 5;
        });
        assertFalse(body.poll(cx).isReady());
        assertEquals(1, woken[0], "await(yieldNow()) has woken its task once when the poll returns");
        Poll<Integer> p = body.poll(cx);
        assertTrue(p.isReady());
        assertEquals(5, p.value());
    }

    /** await(yieldNow()) takes a shortcut in the continuation engine; cancellation must still reach it. */
    @ParameterizedTest
    @MethodSource("engines")
    void cancellingABodyThatYieldsRunsItsFinally(AsyncEngine engine) {
        List<String> log = new ArrayList<>();
        JoinHandle<Object> h = ex.spawn("yielder", engine.async(() -> {
            try {
                while (true) {
                    Async.await(Futures.yieldNow());
                }
            } catch (TaskCancelledException e) {
                log.add("cancelled");
                throw e;
            } finally {
                log.add("finally");
            }
        }));
        ex.blockOn(Futures.yieldNow());
        h.cancel();
        assertThrows(TaskCancelledException.class, () -> ex.blockOn(h));
        assertEquals(List.of("cancelled", "finally"), log);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void contextAndSpawnWorkInsideABody(AsyncEngine engine) {
        int v = ex.blockOn(engine.async(() -> {
            assertSame(ex, Async.context().executor());
            JoinHandle<Integer> child = Async.spawn("child", Futures.sleep(Duration.ofMillis(1)).map(x -> 5));
            return Async.await(child) + 1;
        }));
        assertEquals(6, v);
    }

    @Test
    void awaitOutsideABodyIsAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Async.await(Futures.ready(1)));
        assertTrue(e.getMessage().contains("outside an Async.async body"), e.getMessage());
    }

    @Test
    void theEngineIsChosenByThePropertyAndTheExport() {
        assertEquals("continuation", Async.choose(null, true).name());
        assertEquals("thread-handoff", Async.choose(null, false).name());
        assertEquals("thread-handoff", Async.choose("thread-handoff", true).name());
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> Async.choose("continuation", false).async(() -> 1));
        assertTrue(e.getMessage().contains("--add-exports java.base/jdk.internal.vm=ALL-UNNAMED"), e.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> Async.choose("fibers", true).async(() -> 1));
        assertTrue(bad.getMessage().contains("wakewire.async.engine") && bad.getMessage().contains("fibers"));
        assertEquals("continuation", Async.engine().name(), "with the export in effect, auto picks continuations");
    }

    @Test
    void dumpShowsWhatABodyAwaits() {
        ex.spawn("blinker", Async.async(() -> Async.await(new Probe<Void>("pin 13 edge"))));
        ex.blockOn(Futures.yieldNow());
        assertTrue(ex.dump().contains("blinker") && ex.dump().contains("async(awaits probe(pin 13 edge))"), ex.dump());
    }
}
