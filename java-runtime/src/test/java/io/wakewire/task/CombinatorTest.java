package io.wakewire.task;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CombinatorTest {

    private final VirtualClock clock = new VirtualClock();
    private final Executor ex = Executor.builder().clock(clock).parker(clock).build();

    private static Future<String> after(int ms, String v) {
        return Futures.sleep(Duration.ofMillis(ms)).map(x -> v);
    }

    @Test
    void joinGivesAllValuesInListOrder() {
        assertEquals(List.of("a", "b", "c"), ex.blockOn(Futures.join(after(30, "a"), after(10, "b"), after(20, "c"))));
        assertEquals(30_000_000, clock.nanoTime(), "branches wait concurrently");
    }

    @Test
    void joinWaitsForAllThenFailsWithTheFirstFailure() {
        Probe<String> slow = new Probe<>("slow");
        ex.spawn("finisher", Futures.sleep(Duration.ofMillis(50)).map(x -> {
            slow.complete("done");
            return null;
        }));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ex.blockOn(Futures.join(
                Futures.<String>failed(new IllegalStateException("first")), slow)));
        assertEquals("first", e.getMessage());
        assertFalse(slow.cancelled, "join (all) lets the others finish");
        assertEquals(50_000_000, clock.nanoTime());
    }

    @Test
    void tryJoinFailsFastAndCancelsTheRest() {
        Probe<String> slow = new Probe<>("slow");
        Future<String> failing = Futures.sleep(Duration.ofMillis(5)).map(x -> {
            throw new IllegalArgumentException("bad reading");
        });
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ex.blockOn(Futures.tryJoin(slow, failing)));
        assertEquals("bad reading", e.getMessage());
        assertTrue(slow.cancelled);
        assertEquals(5_000_000, clock.nanoTime());
    }

    @Test
    void raceReturnsTheFirstAndCancelsTheLosers() {
        Probe<String> loser = new Probe<>("loser");
        assertEquals("fast", ex.blockOn(Futures.race(loser, after(7, "fast"), after(100, "slow"))));
        assertTrue(loser.cancelled);
        assertEquals(7_000_000, clock.nanoTime());
        assertTrue(ex.dump().contains(" 0 timer(s)"), "the slow branch's timer was cancelled: " + ex.dump());
    }

    @Test
    void raceOfJoinHandlesCancelsTheLosingTasks() {
        JoinHandle<String> slowTask = ex.spawn("slow", after(1000, "slow"));
        JoinHandle<String> fastTask = ex.spawn("fast", after(10, "fast"));
        assertEquals("fast", ex.blockOn(Futures.race(slowTask, fastTask)));
        assertThrows(TaskCancelledException.class, () -> ex.blockOn(slowTask));
    }

    @Test
    void selectSaysWhichBranchWon() {
        Selected<String> s = ex.blockOn(Futures.select(after(20, "x"), after(5, "y")));
        assertEquals(1, s.index());
        assertEquals("y", s.value());
    }

    @Test
    void cancellationPropagatesThroughNestedCombinators() {
        Probe<String> deep = new Probe<>("deep");
        Future<List<String>> nested = Futures.join(
                Futures.timeout(Futures.race(deep, Futures.never()), Duration.ofHours(1)),
                Futures.sleep(Duration.ofHours(2)).map(x -> "z"));
        JoinHandle<List<String>> h = ex.spawn("nested", Futures.andThen(Futures.yieldNow(), x -> nested));
        ex.blockOn(Futures.yieldNow());
        ex.blockOn(Futures.yieldNow());
        assertTrue(ex.dump().contains("2 timer(s)"), ex.dump());
        h.cancel();
        assertThrows(TaskCancelledException.class, () -> ex.blockOn(h));
        assertTrue(deep.cancelled, "a cancel must reach the innermost awaited future");
        assertTrue(ex.dump().contains(" 0 timer(s)"), "every timer released: " + ex.dump());
    }

    @Test
    void mapAndThenCompose() {
        Future<Integer> f = after(3, "21").map(Integer::parseInt).andThen(n -> after(2, "x").map(x -> n * 2));
        assertEquals(42, ex.blockOn(f));
        assertEquals(5_000_000, clock.nanoTime());
    }

    @Test
    void yieldNowLetsOthersRunFirst() {
        StringBuilder order = new StringBuilder();
        ex.spawn("other", Futures.lazy(() -> order.append("other ")));
        ex.blockOn(Futures.yieldNow().map(x -> order.append("root")));
        assertEquals("other root", order.toString());
    }

    @Test
    void badArgumentsAreNamed() {
        assertThrows(IllegalArgumentException.class, () -> Futures.race(List.of()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Futures.join(java.util.Arrays.asList(Futures.ready(1), null)));
        assertTrue(e.getMessage().contains("#1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Futures.interval(Duration.ZERO));
    }
}
