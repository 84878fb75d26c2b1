package io.wakewire.task;

import java.time.Duration;

/**
 * A periodic timer: await it repeatedly, and each completion is one tick, whose value is the
 * tick's scheduled time on the executor's clock (nanos). The first tick is due at the first
 * poll (it completes at once); then every period, with late ticks handled by the
 * {@link MissedTickPolicy}.
 *
 * <p>It is its own timer-wheel node and its own future (no allocation per tick). One task at a
 * time should await it. {@link #cancel()} stops it for good.
 */
public final class Interval extends WakingTimer implements Future<Long> {

    private final long periodNanos;
    private final MissedTickPolicy policy;
    private Executor executor;
    private long next;
    private boolean cancelled;

    Interval(Duration period, MissedTickPolicy policy) {
        if (period == null || policy == null) {
            throw new IllegalArgumentException("interval: period and policy must not be null");
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("interval: period must be positive, got " + period);
        }
        this.periodNanos = Sleep.saturatedNanos(period);
        this.policy = policy;
    }

    /** This interval as the future of its next tick (for readability: {@code await(iv.tick())}). */
    public Future<Long> tick() {
        return this;
    }

    public MissedTickPolicy policy() {
        return policy;
    }

    @Override
    public Poll<Long> poll(Context cx) {
        if (cancelled) {
            throw new IllegalStateException("interval polled after cancel()");
        }
        if (executor == null) {
            executor = Executor.of(cx, "interval");
            next = executor.nanoTime();
        }
        while (true) {
            long now = executor.nanoTime();
            if (now - next >= 0) {
                long due = next;
                next = following(due, now);
                if (isScheduled()) {
                    executor.cancelTimer(this);
                }
                return Poll.ready(due);
            }
            waker = cx.waker();
            if (isScheduled() || executor.scheduleTimer(this, next)) {
                return Poll.pending();
            }
            // The wheel says the deadline's tick has already been processed: take the tick now.
            next = now;
        }
    }

    private long following(long due, long now) {
        return switch (policy) {
            case BURST -> due + periodNanos;
            case DELAY -> now - due >= periodNanos ? now + periodNanos : due + periodNanos;
            case SKIP -> {
                long missed = (now - due) / periodNanos; // whole periods late
                yield due + (missed + 1) * periodNanos;
            }
        };
    }

    @Override
    void expire() {
        wakeWaiter();
    }

    @Override
    public void cancel() {
        cancelled = true;
        if (isScheduled()) {
            executor.cancelTimer(this);
        }
        waker = null;
    }

    @Override
    public String describe() {
        return "interval(" + Duration.ofNanos(periodNanos) + ", " + policy + ")";
    }
}
