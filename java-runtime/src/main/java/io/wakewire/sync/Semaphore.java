package io.wakewire.sync;

import io.wakewire.task.Context;
import io.wakewire.task.Coop;
import io.wakewire.task.Future;
import io.wakewire.task.Poll;

/**
 * A counting semaphore whose {@link #acquire(int)} is a future: fair (strict FIFO, no barging:
 * while anyone waits, a newcomer queues behind them even if enough permits are free) and
 * cancellable.
 *
 * <p>How: a short lock guards the permit count and an intrusive FIFO of waiting acquires.
 * {@link #release(int)} hands permits directly to waiters at the head of the queue (they become
 * <em>granted</em>) and wakes them after the lock is released; a granted acquire completes on its
 * next poll without looking at the count again. Cancelling a waiting acquire only unlinks it (it
 * took nothing, it gives back nothing); cancelling a granted-but-not-yet-polled acquire returns
 * exactly the permits it was granted. Permits never split: a large request at the head holds
 * back smaller ones behind it until enough are free.
 *
 * <p>An acquire that could complete without waiting first spends one unit of the task's
 * cooperative budget ({@link Coop}), so an acquire/release loop still lets other tasks run.
 *
 * <p>Trade-offs: strict FIFO prevents starvation of large requests but lowers throughput when
 * requests differ in size (small ones wait behind a large one). The lock is held for a few
 * field updates only, never while a waker runs; {@link #release} and {@link #tryAcquire} are
 * callable from any thread. The pending path allocates nothing after the acquire future exists.
 */
public final class Semaphore {

    private final String name;
    private final Object lock = new Object();
    private final WaiterQueue<Acquire> waiters = new WaiterQueue<>();
    /** Free permits, not granted to anyone. Guarded by lock. */
    private long permits;
    private boolean closed;

    public Semaphore(long permits) {
        this("semaphore", permits);
    }

    public Semaphore(String name, long permits) {
        if (permits < 0) {
            throw new IllegalArgumentException("Semaphore(" + name + "): initial permits must be >= 0, got " + permits);
        }
        this.name = name;
        this.permits = permits;
    }

    /** A future of one permit. */
    public Future<Permit> acquire() {
        return acquire(1);
    }

    /** A future of {@code n} permits, granted together, in FIFO order with other acquires. */
    public Future<Permit> acquire(int n) {
        checkCount("acquire", n);
        return new Acquire(n);
    }

    /** Takes {@code n} permits now if nobody waits and enough are free; callable from any thread. */
    public boolean tryAcquire(int n) {
        checkCount("tryAcquire", n);
        synchronized (lock) {
            if (closed || !waiters.isEmpty() || permits < n) {
                return false;
            }
            permits -= n;
            return true;
        }
    }

    /** Adds {@code n} permits (given back or new) and wakes the waiters they satisfy; any thread. */
    public void release(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("Semaphore(" + name + ").release: count must be >= 0, got " + n);
        }
        WakeList woken;
        synchronized (lock) {
            permits += n;
            woken = grantWaiting();
        }
        if (woken != null) {
            woken.wakeAll();
        }
    }

    /** Free permits now (not counting those granted to acquires that have not been polled yet). */
    public long availablePermits() {
        synchronized (lock) {
            return permits;
        }
    }

    /** Acquires waiting now. */
    public int waiting() {
        synchronized (lock) {
            return waiters.size();
        }
    }

    /**
     * Fails every waiting and future acquire with {@link ClosedException}; permits already held
     * stay valid and may still be released. Idempotent.
     */
    public void close() {
        WakeList woken = new WakeList();
        synchronized (lock) {
            closed = true;
            for (Acquire a; (a = waiters.pollFirst()) != null; ) {
                a.state = Acquire.CLOSED;
                woken.add(a);
            }
        }
        woken.wakeAll();
    }

    public boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "Semaphore(" + name + ", free " + permits + ", waiting " + waiters.size() + (closed ? ", closed)" : ")");
        }
    }

    /**
     * Moves the head waiters that now fit from the queue to granted. Call under lock. Returns
     * null when nobody was granted (the common uncontended release allocates nothing).
     */
    private WakeList grantWaiting() {
        WakeList woken = null;
        for (Acquire a = waiters.peekFirst(); a != null && permits >= a.count; a = waiters.peekFirst()) {
            waiters.remove(a);
            permits -= a.count;
            a.state = Acquire.GRANTED;
            if (woken == null) {
                woken = new WakeList();
            }
            woken.add(a);
        }
        return woken;
    }

    private void checkCount(String op, int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("Semaphore(" + name + ")." + op + ": count must be >= 1, got " + n);
        }
    }

    /** One acquire: its own queue node, and (once ready) the permit it returns. */
    private final class Acquire extends Waiter implements Future<Permit>, Permit {

        static final int INIT = 0;      // not polled yet
        static final int WAITING = 1;   // queued
        static final int GRANTED = 2;   // permits handed over by release, not yet polled
        static final int HELD = 3;      // returned to the caller as a Permit
        static final int RELEASED = 4;  // the Permit was closed
        static final int CLOSED = 5;    // semaphore closed while waiting
        static final int CANCELLED = 6;

        final int count;
        /** Guarded by lock. */
        int state = INIT;

        Acquire(int count) {
            this.count = count;
        }

        @Override
        public Poll<Permit> poll(Context cx) {
            synchronized (lock) {
                switch (state) {
                    case INIT -> {
                        if (closed) {
                            state = CLOSED;
                            throw closedError();
                        }
                        if (waiters.isEmpty() && permits >= count) {
                            if (!Coop.proceed(cx)) {
                                return Poll.pending();  // budget spent: re-polled next turn, nothing taken
                            }
                            permits -= count;
                            state = HELD;
                            return Poll.ready(this);
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
                    case GRANTED -> {
                        state = HELD;
                        return Poll.ready(this);
                    }
                    case CLOSED -> throw closedError();
                    default -> throw new IllegalStateException(
                            "Semaphore(" + name + ").acquire(" + count + ") polled after it completed or was cancelled");
                }
            }
        }

        @Override
        public void cancel() {
            WakeList woken = null;
            synchronized (lock) {
                if (state == WAITING) {
                    boolean wasHead = waiters.peekFirst() == this;
                    waiters.remove(this);
                    state = CANCELLED;
                    if (wasHead) {
                        woken = grantWaiting();  // the ones behind may fit now
                    }
                } else if (state == GRANTED) {
                    state = CANCELLED;
                    permits += count;  // it was given these; give them back
                    woken = grantWaiting();
                } else if (state == INIT) {
                    state = CANCELLED;
                }
                // HELD: the caller owns a Permit and releases it with close(); CLOSED/CANCELLED: nothing held.
            }
            if (woken != null) {
                woken.wakeAll();
            }
        }

        @Override
        public int count() {
            return count;
        }

        @Override
        public void close() {
            synchronized (lock) {
                if (state != HELD) {
                    return;
                }
                state = RELEASED;
            }
            release(count);
        }

        @Override
        public String describe() {
            synchronized (lock) {
                String s = switch (state) {
                    case INIT -> "not polled";
                    case WAITING -> "waiting, " + waiters.size() + " in queue, " + permits + " free";
                    case GRANTED -> "granted";
                    case HELD -> "held";
                    case RELEASED -> "released";
                    case CLOSED -> "closed";
                    default -> "cancelled";
                };
                return "Semaphore(" + name + ").acquire(" + count + ") [" + s + "]";
            }
        }

        private ClosedException closedError() {
            return new ClosedException("Semaphore(" + name + ").acquire(" + count + "): the semaphore is closed");
        }
    }
}
