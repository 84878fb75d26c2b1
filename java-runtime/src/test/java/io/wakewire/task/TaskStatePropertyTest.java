package io.wakewire.task;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import net.jqwik.api.*;

/**
 * The task state machine driven by random scripts and checked against a model: every wake
 * episode (one or many wakes before the next poll, from inside the poll or from outside)
 * costs exactly one poll; after a cancel the task is never polled again and its future's
 * cancel() runs exactly once.
 */
class TaskStatePropertyTest {

    /** Never completes; poll number i wakes its own task {@code selfWakes[i]} times (0 past the end). */
    private static final class Scripted implements Future<Void> {
        final List<Integer> selfWakes;
        int polls;
        int cancels;
        Waker waker;

        Scripted(List<Integer> selfWakes) {
            this.selfWakes = selfWakes;
        }

        @Override
        public Poll<Void> poll(Context cx) {
            assertEquals(0, cancels, "polled after cancel");
            waker = cx.waker();
            int n = polls < selfWakes.size() ? selfWakes.get(polls) : 0;
            polls++;
            for (int i = 0; i < n; i++) {
                cx.waker().wake();
            }
            return Poll.pending();
        }

        @Override
        public void cancel() {
            cancels++;
        }
    }

    /** The model: one poll per episode, and a poll that woke itself starts another episode. */
    private static int pollsOfEpisode(List<Integer> selfWakes, int pollsSoFar) {
        int p = pollsSoFar;
        do {
            p++;
        } while (p - 1 < selfWakes.size() && selfWakes.get(p - 1) > 0);
        return p;
    }

    private static void settle(Executor ex) {
        for (int i = 0; i < 30; i++) {
            ex.blockOn(Futures.yieldNow());
        }
    }

    @Property(tries = 300)
    void everyWakeEpisodeCostsExactlyOnePollAndCancelIsFinal(
            @ForAll("counts") List<Integer> selfWakes,
            @ForAll("counts") List<Integer> outsideWakes,
            @ForAll("cancelStep") int cancelStep) {
        try (Executor ex = Executor.create()) {
            Scripted f = new Scripted(selfWakes);
            JoinHandle<Void> h = ex.spawn("scripted", f);
            settle(ex);
            int expected = pollsOfEpisode(selfWakes, 0);
            assertEquals(expected, f.polls, "first poll and its self-wake chain");
            boolean cancelled = false;
            for (int step = 0; step < outsideWakes.size(); step++) {
                if (step == cancelStep) {
                    h.cancel();
                    h.cancel(); // idempotent
                    cancelled = true;
                    settle(ex);
                }
                for (int i = 0; i < outsideWakes.get(step); i++) {
                    f.waker.wake(); // duplicates before the next poll collapse
                }
                settle(ex);
                if (!cancelled && outsideWakes.get(step) > 0) {
                    expected = pollsOfEpisode(selfWakes, expected);
                }
                assertEquals(expected, f.polls, "after outside step " + step);
            }
            assertEquals(cancelled ? 1 : 0, f.cancels, "future.cancel() runs once iff the task was cancelled");
            assertEquals(cancelled, h.isDone());
        }
    }

    @Provide
    Arbitrary<List<Integer>> counts() {
        return Arbitraries.integers().between(0, 3).list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<Integer> cancelStep() {
        return Arbitraries.integers().between(-1, 8);
    }
}
