package io.wakewire.task;

import java.time.Duration;

/**
 * A clock that only moves when told to, plus a parker that moves it: when the executor has
 * nothing to run and a timer is pending, {@link #park} jumps the clock straight to the timer's
 * deadline instead of waiting (tokio's "paused time"). Timer tests become exact and instant:
 * a task that sleeps an hour finishes in microseconds, at exactly one hour of virtual time.
 *
 * <p>With no timer pending, {@code park} really waits for an {@link #unpark} (a wake from another
 * thread), so cross-thread tests still work. With a timer pending, time jumps at once: a wake
 * that another thread is about to deliver does not hold virtual time back, so a test that races
 * a real thread against a virtual timer should use the system clock instead. Use one instance as both the executor's clock and
 * its parker: {@code Executor.builder().clock(vc).parker(vc).build()}.
 */
public final class VirtualClock implements Clock, Parker {

    private final JdkParker realParker = new JdkParker();
    private volatile long now;

    public VirtualClock() {
        this(0);
    }

    public VirtualClock(long startNanos) {
        this.now = startNanos;
    }

    @Override
    public long nanoTime() {
        return now;
    }

    /** Move time forward by hand (never backwards). */
    public synchronized void advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("VirtualClock.advance: negative duration " + d);
        }
        now += d.toNanos();
    }

    @Override
    public void park(long deadlineNanos, Clock clock) {
        if (deadlineNanos == NO_DEADLINE) {
            realParker.park(NO_DEADLINE, this);
            return;
        }
        synchronized (this) {
            if (deadlineNanos > now) {
                now = deadlineNanos;
            }
        }
    }

    @Override
    public void unpark() {
        realParker.unpark();
    }
}
