package io.wakewire.task;

/**
 * The executor's clock seen in timer-wheel ticks: tick 0 is the moment the executor was built.
 * Deadlines round <em>up</em> to a tick (a timer never fires early) and "now" rounds down (a
 * tick counts as reached only once it has fully begun). All arithmetic saturates, so absurd
 * deadlines (Long.MAX_VALUE, far in the past) behave as "never" and "already due".
 */
final class TickClock {

    private final Clock clock;
    private final long originNanos;
    private final long tickNanos;

    TickClock(Clock clock, long tickNanos) {
        this.clock = clock;
        this.tickNanos = tickNanos;
        this.originNanos = clock.nanoTime();
    }

    long nanoTime() {
        return clock.nanoTime();
    }

    /** The tick now in progress (0 before the origin). */
    long nowTick() {
        long rel = clock.nanoTime() - originNanos;
        return rel <= 0 ? 0 : rel / tickNanos;
    }

    /** The first tick at or after {@code deadlineNanos}. */
    long deadlineTick(long deadlineNanos) {
        long rel = Sleep.saturatedAdd(deadlineNanos, -originNanos);
        if (rel <= 0) {
            return 0;
        }
        return rel / tickNanos + (rel % tickNanos == 0 ? 0 : 1);
    }

    /** When {@code tick} begins, in clock nanos; {@link Parker#NO_DEADLINE} if beyond representation. */
    long nanosOfTick(long tick) {
        if (tick == Long.MAX_VALUE || tick > (Long.MAX_VALUE - Math.max(originNanos, 0)) / tickNanos) {
            return Parker.NO_DEADLINE;
        }
        return originNanos + tick * tickNanos;
    }
}
