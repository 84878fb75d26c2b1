package io.wakewire.task;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.*;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** join and race over branches that finish at random virtual times, checked against the obvious model. */
class CombinatorPropertyTest {

    /** A branch that completes with its index after {@code ms}, and records whether it was cancelled. */
    private static final class Branch implements Future<Integer> {
        final int index;
        final Future<Void> sleep;
        boolean cancelled;

        Branch(int index, int ms) {
            this.index = index;
            this.sleep = Futures.sleep(Duration.ofMillis(ms));
        }

        @Override
        public Poll<Integer> poll(Context cx) {
            assertFalse(cancelled, "branch " + index + " polled after cancel");
            return sleep.poll(cx).isReady() ? Poll.ready(index) : Poll.pending();
        }

        @Override
        public void cancel() {
            cancelled = true;
            sleep.cancel();
        }
    }

    private static List<Branch> branches(List<Integer> delays) {
        List<Branch> bs = new ArrayList<>();
        for (int i = 0; i < delays.size(); i++) {
            bs.add(new Branch(i, delays.get(i)));
        }
        return bs;
    }

    @Property(tries = 200)
    void joinReturnsEveryValueInListOrderAtTheLatestDeadline(
            @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 0, max = 5_000) Integer> delays) {
        VirtualClock clock = new VirtualClock();
        try (Executor ex = Executor.builder().clock(clock).parker(clock).build()) {
            List<Branch> bs = branches(delays);
            List<Integer> values = ex.blockOn(Futures.join(bs));
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < delays.size(); i++) {
                expected.add(i);
            }
            assertEquals(expected, values);
            long latest = delays.stream().mapToLong(Integer::longValue).max().orElseThrow();
            assertEquals(latest * 1_000_000, clock.nanoTime());
            assertTrue(bs.stream().noneMatch(b -> b.cancelled));
        }
    }

    @Property(tries = 200)
    void raceIsWonByTheEarliestDeadlineFirstInListOnTiesAndCancelsAllOthers(
            @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 0, max = 5_000) Integer> delays) {
        VirtualClock clock = new VirtualClock();
        try (Executor ex = Executor.builder().clock(clock).parker(clock).build()) {
            List<Branch> bs = branches(delays);
            Selected<Integer> won = ex.blockOn(Futures.select(bs));
            int earliest = delays.stream().mapToInt(Integer::intValue).min().orElseThrow();
            assertEquals(delays.indexOf(earliest), won.index(), "first in list among the earliest");
            assertEquals(won.index(), won.value());
            assertEquals(earliest * 1_000_000L, clock.nanoTime());
            for (Branch b : bs) {
                assertEquals(b.index != won.index(), b.cancelled, "branch " + b.index);
            }
            assertTrue(ex.dump().contains(" 0 timer(s)"), "losers' timers released: " + ex.dump());
        }
    }
}
