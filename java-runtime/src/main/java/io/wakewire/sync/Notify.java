package io.wakewire.sync;

import io.wakewire.task.Context;
import io.wakewire.task.Future;
import io.wakewire.task.Poll;
import io.wakewire.task.Waker;

/**
 * Wakes tasks without passing data, with the permit semantics of tokio's {@code Notify}.
 *
 * <ul>
 *   <li>{@link #notifyOne()} wakes the longest-waiting {@link #notified()} future; if none waits,
 *       it stores <em>one</em> permit (several calls still store one) that the next
 *       {@code notified()} consumes at once. So a notification sent just before the receiver
 *       starts waiting is not lost.</li>
 *   <li>{@link #notifyWaiters()} (notify-all) wakes every future waiting now <em>and</em> every future created by
 *       {@link #notified()} before the call but not yet polled; it stores no permit.</li>
 *   <li>A future picked by {@code notifyOne} and then cancelled before it was polled passes its
 *       notification on (to the next waiter, or back into the permit): cancellation loses no
 *       notification.</li>
 * </ul>
 *
 * <p>How: a short lock over a flag (the permit), a counter of {@code notifyWaiters} calls (each
 * future remembers the count when it was created) and an intrusive FIFO of waiting futures.
 * Wakers run after the lock is released. Callable from any thread; the pending path allocates
 * nothing after the future exists. Trade-off: a single permit (not a count) means N
 * {@code notifyOne} calls with nobody waiting wake only one later waiter; use a
 * {@link Semaphore} to count events.
 */
public final class Notify {

    private final String name;
    private final Object lock = new Object();
    private final WaiterQueue<Notified> waiters = new WaiterQueue<>();
    /** Guarded by lock. Invariant: permit implies no waiters. */
    private boolean permit;
    /** Number of notifyWaiters calls so far. Guarded by lock. */
    private long generation;

    public Notify() {
        this("notify");
    }

    public Notify(String name) {
        this.name = name;
    }

    /** A future that completes at the next notification (or at once, consuming a stored permit). */
    public Future<Void> notified() {
        synchronized (lock) {
            return new Notified(generation);
        }
    }

    /** Wakes the longest waiter, or stores a permit if nobody waits. Any thread. */
    public void notifyOne() {
        Waker w = null;
        synchronized (lock) {
            Notified n = waiters.pollFirst();
            if (n == null) {
                permit = true;
            } else {
                n.state = Notified.NOTIFIED_ONE;
                w = n.waker;
            }
        }
        if (w != null) {
            w.wake();
        }
    }

    /**
     * "Notify all": wakes every waiter (and every not-yet-polled future created before this
     * call). Any thread. (Named after tokio's {@code notify_waiters}, because
     * {@code Object.notifyAll()} is final and means something else.)
     */
    public void notifyWaiters() {
        WakeList woken = new WakeList();
        synchronized (lock) {
            generation++;
            for (Notified n; (n = waiters.pollFirst()) != null; ) {
                n.state = Notified.NOTIFIED_ALL;
                woken.add(n);
            }
        }
        woken.wakeAll();
    }

    /** Futures waiting now. */
    public int waiting() {
        synchronized (lock) {
            return waiters.size();
        }
    }

    /** Whether a notifyOne permit is stored. */
    public boolean hasPermit() {
        synchronized (lock) {
            return permit;
        }
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "Notify(" + name + ", waiting " + waiters.size() + (permit ? ", permit)" : ")");
        }
    }

    private final class Notified extends Waiter implements Future<Void> {

        static final int INIT = 0;
        static final int WAITING = 1;
        static final int NOTIFIED_ONE = 2;  // chosen by notifyOne; owes the notification if cancelled
        static final int NOTIFIED_ALL = 3;
        static final int DONE = 4;
        static final int CANCELLED = 5;

        /** The notifyWaiters count when this future was created. */
        final long createdAt;
        /** Guarded by lock. */
        int state = INIT;

        Notified(long createdAt) {
            this.createdAt = createdAt;
        }

        @Override
        public Poll<Void> poll(Context cx) {
            synchronized (lock) {
                switch (state) {
                    case NOTIFIED_ONE, NOTIFIED_ALL -> {
                        state = DONE;
                        return Poll.ready(null);
                    }
                    case INIT -> {
                        if (generation != createdAt || permit) {
                            if (generation == createdAt) {
                                permit = false;
                            }
                            state = DONE;
                            return Poll.ready(null);
                        }
                        waker = cx.waker();
                        waiters.addLast(this);
                        state = WAITING;
                        return Poll.pending();
                    }
                    case WAITING -> {
                        waker = cx.waker();
                        return Poll.pending();
                    }
                    default -> throw new IllegalStateException(
                            "Notify(" + name + ").notified() polled after it completed or was cancelled");
                }
            }
        }

        @Override
        public void cancel() {
            Waker forward = null;
            synchronized (lock) {
                if (state == WAITING) {
                    waiters.remove(this);
                } else if (state == NOTIFIED_ONE) {
                    // It was given a notification it will never consume: pass it on.
                    Notified next = waiters.pollFirst();
                    if (next == null) {
                        permit = true;
                    } else {
                        next.state = NOTIFIED_ONE;
                        forward = next.waker;
                    }
                }
                if (state != DONE) {
                    state = CANCELLED;
                }
            }
            if (forward != null) {
                forward.wake();
            }
        }

        @Override
        public String describe() {
            synchronized (lock) {
                String s = switch (state) {
                    case INIT -> "not polled";
                    case WAITING -> "waiting, " + waiters.size() + " in queue";
                    case NOTIFIED_ONE, NOTIFIED_ALL -> "notified";
                    case DONE -> "done";
                    default -> "cancelled";
                };
                return "Notify(" + name + ").notified [" + s + "]";
            }
        }
    }
}
