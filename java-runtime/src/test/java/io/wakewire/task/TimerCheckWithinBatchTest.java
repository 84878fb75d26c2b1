package io.wakewire.task;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The executor's promise that a busy executor looks at its timers every 64 polls must hold inside
 * one batch too: with 4,000 self-waking tasks in the queue, a timer that falls due mid-batch is
 * fired (its waker called) at most 64 polls later, not after the whole batch.
 */
class TimerCheckWithinBatchTest {

    private static final int SPINNERS = 4_000;
    /** Each spinner poll moves virtual time this much, so the timer falls due after a known poll count. */
    private static final long NANOS_PER_POLL = 1_000;

    @Test
    void aTimerDueMidBatchFiresWithin64Polls() {
        VirtualClock clock = new VirtualClock();
        int[] polls = {0};
        int[] firedAtPoll = {-1};
        boolean[] stop = {false};
        try (Executor ex = Executor.builder().clock(clock).parker(clock).build()) {
            ex.blockOn(Async.async(() -> {
                // the watcher sleeps 1 ms; its waker records how many spinner polls ran before the timer fired
                JoinHandle<Void> watcher = Async.spawn("watcher", new Future<Void>() {
                    final Future<Void> sleep = Futures.sleep(Duration.ofMillis(1));

                    @Override
                    public Poll<Void> poll(Context cx) {
                        Waker real = cx.waker();
                        Context recording = new Context() {
                            @Override
                            public Waker waker() {
                                return () -> {
                                    if (firedAtPoll[0] < 0) {
                                        firedAtPoll[0] = polls[0];
                                    }
                                    real.wake();
                                };
                            }

                            @Override
                            public Executor executor() {
                                return cx.executor();
                            }
                        };
                        return sleep.poll(recording);
                    }
                });
                for (int i = 0; i < SPINNERS; i++) {
                    Async.spawn("spinner " + i, cx -> {
                        if (stop[0]) {
                            return Poll.ready(null);
                        }
                        polls[0]++;
                        clock.advance(Duration.ofNanos(NANOS_PER_POLL));
                        cx.waker().wake();
                        return Poll.<Void>pending();
                    });
                }
                Async.await(watcher);
                stop[0] = true;
                return null;
            }));
        }
        int dueAtPoll = (int) (Duration.ofMillis(1).toNanos() / NANOS_PER_POLL);
        assertTrue(firedAtPoll[0] >= dueAtPoll, "fired early, at spinner poll " + firedAtPoll[0]);
        int late = firedAtPoll[0] - dueAtPoll;
        assertTrue(late <= 64, "the timer fell due at spinner poll " + dueAtPoll + " and fired at poll "
                + firedAtPoll[0] + ": " + late + " polls late, the executor promises at most 64");
    }
}
