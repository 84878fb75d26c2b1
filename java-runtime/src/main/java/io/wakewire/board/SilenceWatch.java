package io.wakewire.board;

import io.wakewire.task.Context;
import io.wakewire.task.Future;
import io.wakewire.task.Futures;
import io.wakewire.task.Poll;

import java.util.function.LongSupplier;

/**
 * Completes when nothing has arrived from the board for one whole {@code periodNanos}: with the
 * executor's clock at or past {@code lastRx + period}, where {@code lastRx} is read afresh at
 * every poll. Its value is how long the board had been silent.
 *
 * <p>It sleeps until exactly that deadline, and when a frame arrives meanwhile (the deadline
 * moved) it sleeps again until the new one: so a board is declared lost one period after its
 * last frame, never later (to the executor's timer tick), whatever the probe schedule, and never
 * earlier. Executor thread only.
 */
final class SilenceWatch implements Future<Long> {

    private final LongSupplier lastRxNanos;
    private final long periodNanos;
    private Future<Void> sleep;
    private long sleepingUntil;

    SilenceWatch(LongSupplier lastRxNanos, long periodNanos) {
        this.lastRxNanos = lastRxNanos;
        this.periodNanos = periodNanos;
    }

    @Override
    public Poll<Long> poll(Context cx) {
        while (true) {
            long deadline = lastRxNanos.getAsLong() + periodNanos;
            long now = cx.executor().nanoTime();
            if (now - deadline >= 0) {
                cancel();
                return Poll.ready(now - (deadline - periodNanos));
            }
            if (sleep == null || sleepingUntil != deadline) {
                cancel();
                sleep = Futures.sleepUntil(deadline);
                sleepingUntil = deadline;
            }
            if (sleep.poll(cx).isPending()) {
                return Poll.pending();
            }
            sleep = null; // fired: look at the (possibly moved) deadline again
        }
    }

    @Override
    public void cancel() {
        if (sleep != null) {
            sleep.cancel();
            sleep = null;
        }
    }

    @Override
    public String describe() {
        return "no frame for " + periodNanos / 1_000_000 + " ms";
    }
}
