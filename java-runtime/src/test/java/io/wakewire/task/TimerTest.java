package io.wakewire.task;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Timers on a virtual clock: exact, instant, independent of the machine's load. */
class TimerTest {

    private final VirtualClock clock = new VirtualClock(1_000_000_000L);
    private final Executor ex = Executor.builder().clock(clock).parker(clock).build();

    /** The timer count in the first line of {@link Executor#dump()}, "..., N timer(s)". */
    private static int timersIn(String dump) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(", (\\d+) timer\\(s\\)").matcher(dump);
        assertTrue(m.find(), "no timer count in: " + dump);
        return Integer.parseInt(m.group(1));
    }

    @Test
    void theTimerCountReadsTheWholeNumber() {
        ex.spawn("pending", Futures.sleep(Duration.ofMillis(10)));
        ex.blockOn(Futures.yieldNow()); // registers the timer
        assertEquals(1, timersIn(ex.dump()), ex.dump());
        assertEquals(10, timersIn("executor 'x': 0 live task(s), 10 timer(s)\n"));
    }

    private long elapsedMillis(long since) {
        return (clock.nanoTime() - since) / 1_000_000;
    }

    @Test
    void sleepWakesAtItsDeadlineNeverEarly() {
        long start = clock.nanoTime();
        ex.blockOn(Futures.sleep(Duration.ofMillis(250)));
        assertEquals(250, elapsedMillis(start));
    }

    @Test
    void sleepsFireInDeadlineOrderWhateverTheSpawnOrder() {
        List<Integer> fired = new ArrayList<>();
        int[] delays = {50, 10, 3000, 70_000, 10, 1, 999};
        List<JoinHandle<Void>> handles = new ArrayList<>();
        for (int d : delays) {
            handles.add(ex.spawn("sleep " + d, Futures.sleep(Duration.ofMillis(d)).map(v -> {
                fired.add(d);
                return null;
            })));
        }
        ex.blockOn(Futures.join(handles));
        assertEquals(List.of(1, 10, 10, 50, 999, 3000, 70_000), fired);
    }

    @Test
    void farDeadlinesCrossEveryWheelLevel() {
        long start = clock.nanoTime();
        // 64^k ms boundaries and beyond the wheel's 2^36 ms span.
        long[] millis = {63, 64, 4095, 4097, 262_145, 16_777_300, 1_073_741_900L, 68_719_476_736L + 5, 300_000_000_000L};
        for (long ms : millis) {
            long before = clock.nanoTime();
            ex.blockOn(Futures.sleep(Duration.ofMillis(ms)));
            assertEquals(ms, elapsedMillis(before), "sleep of " + ms + " ms");
        }
        assertTrue(elapsedMillis(start) > 300_000_000_000L);
    }

    /** A task spawned on a sleep takes the sleep over and is its own timer node: same timing, one object. */
    @Test
    void aTaskSpawnedOnASleepIsItsOwnTimerAndFiresAtItsDeadline() {
        long start = clock.nanoTime();
        JoinHandle<Void> late = ex.spawn("late", Futures.sleep(Duration.ofMillis(30)));
        JoinHandle<Void> early = ex.spawn("early", Futures.sleepUntil(start + 10_000_000));
        ex.blockOn(Futures.yieldNow()); // both poll once and go into the wheel
        String dump = ex.dump();
        assertTrue(dump.contains("2 timer(s)") && dump.contains("late [IDLE] awaits sleep(task's own timer)"), dump);
        ex.blockOn(Futures.sleep(Duration.ofMillis(9)));
        assertFalse(early.isDone(), "never early");
        ex.blockOn(Futures.sleep(Duration.ofMillis(1)));
        assertTrue(early.isDone());
        assertFalse(late.isDone());
        ex.blockOn(late);
        assertEquals(30, elapsedMillis(start));
        assertEquals(0, ex.liveTasks());
    }

    /** Cancelling such a task takes its own timer out of the wheel. */
    @Test
    void cancellingATaskThatIsItsOwnTimerRemovesTheTimer() {
        JoinHandle<Void> h = ex.spawn("sleeper", Futures.sleep(Duration.ofHours(1)));
        ex.blockOn(Futures.yieldNow());
        assertTrue(ex.dump().contains("1 timer(s)"), ex.dump());
        h.cancel();
        assertThrows(TaskCancelledException.class, () -> ex.blockOn(h));
        assertTrue(ex.dump().contains("0 timer(s)"), ex.dump());
        long before = clock.nanoTime();
        ex.blockOn(Futures.sleep(Duration.ofMillis(5)));
        assertEquals(5, elapsedMillis(before), "the wheel still works after the removal");
    }

    @Test
    void cancelledSleepNeverWakesItsTask() {
        Probe<Void> never = new Probe<>("never");
        Future<Void> sleeper = Futures.sleep(Duration.ofMillis(10));
        int[] polls = {0};
        ex.spawn("watch", cx -> {
            polls[0]++;
            return sleeper.poll(cx);
        });
        ex.blockOn(Futures.yieldNow()); // registers the timer
        sleeper.cancel();
        ex.blockOn(Futures.sleep(Duration.ofMillis(100)));
        assertEquals(1, polls[0], "a cancelled timer must not wake its task");
        assertEquals(0, timersIn(ex.dump()), "the cancelled timer left the wheel: " + ex.dump());
        never.complete(null);
    }

    @Test
    void manyTimersAllFireOnceInOrder() {
        int n = 20_000;
        long[] firedAt = new long[n];
        List<JoinHandle<Void>> hs = new ArrayList<>();
        java.util.Random rnd = new java.util.Random(7);
        long[] deadline = new long[n];
        for (int i = 0; i < n; i++) {
            int idx = i;
            deadline[i] = 1 + rnd.nextInt(100_000);
            hs.add(ex.spawn(Futures.sleep(Duration.ofMillis(deadline[i])).map(v -> {
                firedAt[idx] = clock.nanoTime();
                return null;
            })));
        }
        long start = clock.nanoTime();
        ex.blockOn(Futures.join(hs));
        for (int i = 0; i < n; i++) {
            assertEquals(deadline[i], (firedAt[i] - start) / 1_000_000, "timer " + i);
        }
    }

    @Test
    void sleepUntilAPastDeadlineIsReadyAtOnce() {
        long before = clock.nanoTime();
        ex.blockOn(Futures.sleepUntil(before - 5));
        assertEquals(before, clock.nanoTime());
        ex.blockOn(Futures.sleepUntil(before + 2_500_000));
        assertTrue(clock.nanoTime() >= before + 2_500_000);
        assertTrue(clock.nanoTime() < before + 3_500_000, "fires within one tick of its deadline");
    }

    @Test
    void timeoutFailsAndCancelsTheSlowFuture() {
        Probe<String> slow = new Probe<>("slow");
        long start = clock.nanoTime();
        TimedOutException e = assertThrows(TimedOutException.class,
                () -> ex.blockOn(Futures.timeout(slow, Duration.ofMillis(30))));
        assertEquals(30, elapsedMillis(start));
        assertTrue(slow.cancelled);
        assertTrue(e.getMessage().contains("probe(slow)"), e.getMessage());
    }

    @Test
    void timeoutPassesAFastValueThroughAndDropsItsTimer() {
        assertEquals("quick", ex.blockOn(Futures.timeout(
                Futures.sleep(Duration.ofMillis(5)).map(v -> "quick"), Duration.ofSeconds(1))));
        assertTrue(ex.dump().contains(" 0 timer(s)"), ex.dump());
    }

    @Test
    void intervalBurstDeliversEveryMissedTick() {
        List<Long> values = new ArrayList<>();
        List<Long> ticks = tickTimes(MissedTickPolicy.BURST, values);
        assertEquals(List.of(0L, 100L, 350L, 350L, 400L), ticks, "the two missed ticks come at once");
        assertEquals(List.of(0L, 100L, 200L, 300L, 400L), values, "each tick carries its scheduled time");
    }

    @Test
    void intervalDelayRestartsFromTheLateTick() {
        List<Long> ticks = tickTimes(MissedTickPolicy.DELAY, new ArrayList<>());
        assertEquals(List.of(0L, 100L, 350L, 450L, 550L), ticks);
    }

    @Test
    void intervalSkipKeepsTheOriginalGrid() {
        List<Long> ticks = tickTimes(MissedTickPolicy.SKIP, new ArrayList<>());
        assertEquals(List.of(0L, 100L, 350L, 400L, 500L), ticks);
    }

    /**
     * Five ticks of a 100 ms interval whose task is 250 ms late after its second tick:
     * returns the virtual time (ms since start) at which each tick was taken, and adds each
     * tick's own value (its scheduled time, ms since start) to {@code values}.
     */
    private List<Long> tickTimes(MissedTickPolicy policy, List<Long> values) {
        long start = clock.nanoTime();
        Interval iv = Futures.interval(Duration.ofMillis(100), policy);
        List<Long> at = new ArrayList<>();
        ex.blockOn(Async.async(() -> {
            for (int i = 0; i < 5; i++) {
                long due = Async.await(iv.tick());
                values.add((due - start) / 1_000_000);
                at.add(elapsedMillis(start));
                if (i == 1) {
                    clock.advance(Duration.ofMillis(250)); // the task is busy for 250 ms
                }
            }
            return null;
        }));
        iv.cancel();
        return at;
    }
}
