package io.wakewire.sync;

import io.wakewire.task.Context;
import io.wakewire.task.Future;
import io.wakewire.task.Poll;

/**
 * Holds the latest value of something (a configuration, a pin level, a connection state);
 * receivers wait for it to change and read the newest value, skipping any they missed.
 *
 * <pre>{@code
 * Watch<State> state = new Watch<>("link", State.DISCONNECTED);
 * Watch<State>.Receiver rx = state.subscribe();
 * // any thread:   state.send(State.CONNECTED);
 * // a task:       State s = await(rx.changed());
 * }</pre>
 *
 * <p>How: a short lock over the value, a version counter and an intrusive queue of waiting
 * {@code changed()} futures. Each receiver remembers the version it last saw; a
 * {@code changed()} future completes when the version differs from the one its receiver had
 * seen when the future was created. {@link #send} wakes every waiter after releasing the lock.
 *
 * <p>Trade-offs: intermediate values are skipped on purpose (a slow receiver sees the latest,
 * not every value; use a {@link Channel} when every value matters); each send wakes every
 * waiting receiver. Values may be null. The pending path allocates nothing after the future
 * exists.
 */
public final class Watch<T> {

    private final String name;
    private final Object lock = new Object();
    private final WaiterQueue<Changed> waiters = new WaiterQueue<>();
    /** Guarded by lock. */
    private T value;
    /** Incremented by each send. Guarded by lock. */
    private long version;
    private boolean closed;

    public Watch(T initial) {
        this("watch", initial);
    }

    public Watch(String name, T initial) {
        this.name = name;
        this.value = initial;
    }

    /** The latest value. Any thread. */
    public T get() {
        synchronized (lock) {
            return value;
        }
    }

    /** How many values have been sent. */
    public long version() {
        synchronized (lock) {
            return version;
        }
    }

    /** Replaces the value and wakes every waiting receiver. Any thread. */
    public void send(T newValue) {
        WakeList woken = new WakeList();
        synchronized (lock) {
            if (closed) {
                throw new ClosedException("Watch(" + name + ").send: the watch is closed");
            }
            value = newValue;
            version++;
            for (Changed c; (c = waiters.pollFirst()) != null; ) {
                c.state = Changed.WOKEN;  // terminal: the version now differs from the one it waits past
                woken.add(c);
            }
        }
        woken.wakeAll();
    }

    /**
     * No more values: waiting and future {@code changed()} futures fail with
     * {@link ClosedException} once they have seen the last value. Idempotent.
     */
    public void close() {
        WakeList woken = new WakeList();
        synchronized (lock) {
            closed = true;
            for (Changed c; (c = waiters.pollFirst()) != null; ) {
                c.state = Changed.WOKEN;
                woken.add(c);
            }
        }
        woken.wakeAll();
    }

    public boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    /** A receiver that has seen the current value (its first {@code changed()} waits for the next send). */
    public Receiver subscribe() {
        synchronized (lock) {
            return new Receiver(version);
        }
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "Watch(" + name + ", version " + version + ", waiting " + waiters.size() + (closed ? ", closed)" : ")");
        }
    }

    /** One reader's view: which version it has seen. Use from one task. */
    public final class Receiver {

        /** Guarded by lock. */
        private long seen;

        private Receiver(long seen) {
            this.seen = seen;
        }

        /** The latest value, marking it seen. */
        public T borrowAndMarkSeen() {
            synchronized (lock) {
                seen = version;
                return value;
            }
        }

        /** Whether a value newer than the last seen one exists. */
        public boolean hasChanged() {
            synchronized (lock) {
                return version != seen;
            }
        }

        /** A future of the next value this receiver has not seen (at once if one exists). */
        public Future<T> changed() {
            synchronized (lock) {
                return new Changed(this, seen);
            }
        }
    }

    private final class Changed extends Waiter implements Future<T> {

        static final int INIT = 0;
        static final int WAITING = 1;
        static final int WOKEN = 2;  // dequeued by send or close
        static final int DONE = 3;
        static final int CANCELLED = 4;

        private final Receiver receiver;
        private final long pastVersion;
        /** Guarded by lock. */
        int state = INIT;

        Changed(Receiver receiver, long pastVersion) {
            this.receiver = receiver;
            this.pastVersion = pastVersion;
        }

        @Override
        public Poll<T> poll(Context cx) {
            synchronized (lock) {
                if (state == DONE || state == CANCELLED) {
                    throw new IllegalStateException(
                            "Watch(" + name + ").changed polled after it completed or was cancelled");
                }
                if (version != pastVersion) {
                    waiters.remove(this);
                    state = DONE;
                    receiver.seen = Math.max(receiver.seen, version);
                    return Poll.ready(value);
                }
                if (closed) {
                    waiters.remove(this);
                    state = DONE;
                    throw new ClosedException("Watch(" + name + ").changed: the watch is closed");
                }
                waker = cx.waker();
                if (!queued) {
                    waiters.addLast(this);
                }
                state = WAITING;
                return Poll.pending();
            }
        }

        @Override
        public void cancel() {
            synchronized (lock) {
                waiters.remove(this);
                if (state != DONE) {
                    state = CANCELLED;
                }
            }
        }

        @Override
        public String describe() {
            synchronized (lock) {
                return "Watch(" + name + ").changed [" + switch (state) {
                    case INIT -> "not polled";
                    case WAITING -> "waiting past version " + pastVersion;
                    case WOKEN -> "woken";
                    case DONE -> "done";
                    default -> "cancelled";
                } + "]";
            }
        }
    }
}
