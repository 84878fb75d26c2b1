package io.wakewire.task;

/**
 * How an idle executor waits (the shape of Agrona's IdleStrategy): the executor calls
 * {@link #park} when no task is runnable, and any thread calls {@link #unpark} after queueing
 * a wake.
 *
 * <p>The SPI exists so that an external reactor can do its I/O waiting inside {@code park}: a
 * native epoll implementation blocks in {@code epoll_wait} on its file descriptors, a timerfd
 * (for the deadline) and an eventfd (for unpark), dispatches readiness to wakers, then returns.
 * The executor re-checks its queues after every return, so implementations may return early or
 * spuriously at will; they must never lose an unpark.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@code park} is called only by the executor thread. It returns when {@code unpark} was
 *       called (before or during the park: a permit, as in {@link java.util.concurrent.locks.LockSupport}),
 *       when the clock reaches {@code deadlineNanos}, or spuriously.</li>
 *   <li>{@code unpark} is thread-safe, non-blocking and cheap when repeated; the executor calls it
 *       only when its thread may be parked.</li>
 * </ul>
 */
public interface Parker {

    /** Deadline meaning "no timer pending: wait for an unpark only". */
    long NO_DEADLINE = Long.MAX_VALUE;

    /**
     * Wait until unparked or until {@code deadlineNanos} (on the executor's {@link Clock};
     * {@link #NO_DEADLINE} for none).
     *
     * @param clock the executor's clock, for turning the deadline into a wait
     */
    void park(long deadlineNanos, Clock clock);

    /** Make the current or next park return. Any thread. */
    void unpark();
}
