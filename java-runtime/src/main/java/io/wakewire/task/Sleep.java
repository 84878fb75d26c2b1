package io.wakewire.task;

import java.time.Duration;

/**
 * A future that completes at a point in time: {@link Futures#sleep} and
 * {@link Futures#sleepUntil}. It is its own timer-wheel node, so a task awaiting it costs the
 * task object plus this one, nothing else; a task spawned on a fresh sleep takes it over and is
 * its own timer (see {@link Task}), so that task is one object.
 *
 * <p>A relative sleep starts counting at its first poll (the moment a task awaits it, in
 * practice), because only then does it know its executor's clock. A deadline that has passed by
 * the first poll completes at once.
 */
final class Sleep extends WakingTimer implements Future<Void> {

    static final byte NEW = 0, WAITING = 1, FIRED = 2, CANCELLED = 3;

    /** Before the first poll: the duration (relative) or deadline (absolute), in nanos. */
    final long nanos;
    final boolean absolute;
    /** Package-private: a task spawned on a NEW sleep takes its timer over ({@link Task}). */
    byte phase = NEW;
    /** Whose wheel holds the timer, while WAITING. */
    private Executor executor;

    Sleep(long nanos, boolean absolute) {
        this.nanos = nanos;
        this.absolute = absolute;
    }

    static Sleep of(Duration d) {
        if (d == null) {
            throw new IllegalArgumentException("sleep: duration is null");
        }
        return new Sleep(saturatedNanos(d), false);
    }

    @Override
    public Poll<Void> poll(Context cx) {
        switch (phase) {
            case FIRED:
                return Poll.ready(null);
            case CANCELLED:
                throw new IllegalStateException("sleep polled after cancel()");
            case NEW: {
                Executor ex = Executor.of(cx, "sleep");
                long deadline = absolute ? nanos : saturatedAdd(ex.nanoTime(), nanos);
                if (!ex.scheduleTimer(this, deadline)) {
                    phase = FIRED;
                    return Poll.ready(null);
                }
                phase = WAITING;
                executor = ex;
                waker = cx.waker();
                return Poll.pending();
            }
            default:
                waker = cx.waker(); // the awaiting task may have changed (e.g. moved between combinators)
                return Poll.pending();
        }
    }

    @Override
    void expire() {
        phase = FIRED;
        wakeWaiter();
    }

    @Override
    public void cancel() {
        if (phase == WAITING && isScheduled()) {
            executor.cancelTimer(this);
        }
        if (phase != FIRED) {
            phase = CANCELLED;
        }
        waker = null;
    }

    @Override
    public String describe() {
        return switch (phase) {
            case NEW -> absolute ? "sleepUntil(not started)" : "sleep(" + Duration.ofNanos(nanos) + ", not started)";
            case WAITING -> "sleep(until tick " + deadlineTick + ")";
            case FIRED -> "sleep(done)";
            default -> "sleep(cancelled)";
        };
    }

    static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    static long saturatedAdd(long a, long b) {
        long r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) {
            return b > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return r;
    }
}
