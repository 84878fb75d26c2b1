package io.wakewire.sync;

import io.wakewire.task.Context;
import io.wakewire.task.Coop;
import io.wakewire.task.Future;
import io.wakewire.task.Poll;
import io.wakewire.task.Waker;

import java.util.ArrayDeque;
import java.util.Objects;

/**
 * A bounded multi-producer channel with backpressure: {@link #send} waits while the channel
 * holds {@code capacity} messages; {@link #receive} waits while it is empty and yields
 * {@code null} (end of stream) once the channel is {@link #close() closed} and drained.
 *
 * <pre>{@code
 * Channel<Event> events = new Channel<>("events", 64);
 * // producer task:            await(events.send(e));   or from any thread: events.trySend(e)
 * // consumer task:            for (Event e; (e = await(events.receive())) != null; ) handle(e);
 * }</pre>
 *
 * <p>Messages are never null (null is the end-of-stream marker, as with
 * {@code BufferedReader.readLine}). Meant for one consumer; several receive futures waiting at
 * once are served in FIFO order, each woken once per message.
 *
 * <p>How (the shape of tokio's bounded mpsc): free slots are permits of a fair
 * {@link Semaphore}, so waiting senders are served strictly first-come first-served and a
 * cancelled send that had been granted a slot gives it back (its message is not sent).
 * Messages sit in an {@link ArrayDeque} under a short lock, next to an intrusive queue of
 * waiting receivers. A receiver that takes a message returns its slot to the semaphore, which
 * wakes the next sender. Wakers run after locks are released. Senders on other threads use
 * {@link #trySend}, which never blocks; the send future is polled by an executor.
 *
 * <p>A receive or send that could complete without waiting first spends one unit of the task's
 * cooperative budget ({@link Coop}), so a loop over a busy channel still lets other tasks run.
 *
 * <p>Trade-offs: two short locks (slots, buffer) per message rather than a lock-free ring:
 * simpler to prove correct and cheap uncontended, but contended producers serialise on them.
 * The buffer grows up to {@code capacity} and keeps its array; no per-message node.
 * Order: messages from one sender arrive in the order sent; messages from senders racing each
 * other arrive in the order they enter the buffer.
 */
public final class Channel<T> {

    private final String name;
    private final int capacity;
    private final Semaphore slots;
    private final Object lock = new Object();
    /** Guarded by lock. */
    private final ArrayDeque<T> buffer;
    private final WaiterQueue<Receive> receivers = new WaiterQueue<>();
    /** Guarded by lock. */
    private boolean closed;

    public Channel(int capacity) {
        this("channel", capacity);
    }

    public Channel(String name, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("Channel(" + name + "): capacity must be >= 1, got " + capacity);
        }
        this.name = name;
        this.capacity = capacity;
        this.slots = new Semaphore(name + ".slots", capacity);
        this.buffer = new ArrayDeque<>(Math.min(capacity, 16));
    }

    /** A future that completes once {@code message} is in the channel; fails with {@link ClosedException} if it closes first. */
    public Future<Void> send(T message) {
        Objects.requireNonNull(message, () -> "Channel(" + name + ").send: message must not be null");
        return new Send(message);
    }

    /**
     * Puts {@code message} in the channel now if there is room and no sender waits; never blocks,
     * callable from any thread. False if full or closed ({@link #isClosed()} tells which).
     */
    public boolean trySend(T message) {
        Objects.requireNonNull(message, () -> "Channel(" + name + ").trySend: message must not be null");
        if (!slots.tryAcquire(1)) {
            return false;
        }
        if (!push(message)) {
            slots.release(1);
            return false;
        }
        return true;
    }

    /** A future of the next message, or of {@code null} when the channel is closed and drained. */
    public Future<T> receive() {
        return new Receive();
    }

    /** The next message if one is buffered, else null (empty, or closed and drained). Any thread. */
    public T tryReceive() {
        T m;
        synchronized (lock) {
            m = buffer.poll();
        }
        if (m != null) {
            slots.release(1);
        }
        return m;
    }

    /**
     * Closes the channel: sends (waiting and future) fail with {@link ClosedException}; messages
     * already buffered can still be received; after them receivers get end of stream. Idempotent.
     */
    public void close() {
        WakeList woken = new WakeList();
        synchronized (lock) {
            closed = true;
            for (Receive r; (r = receivers.pollFirst()) != null; ) {
                r.state = Receive.WOKEN;  // terminal from here: buffer non-empty or closed
                woken.add(r);
            }
        }
        slots.close();
        woken.wakeAll();
    }

    public boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    /** Messages buffered now. */
    public int size() {
        synchronized (lock) {
            return buffer.size();
        }
    }

    public int capacity() {
        return capacity;
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "Channel(" + name + ", " + buffer.size() + "/" + capacity + (closed ? ", closed)" : ")");
        }
    }

    /** Appends a message whose slot the caller holds; false (slot still held) if closed. */
    private boolean push(T message) {
        Waker w = null;
        synchronized (lock) {
            if (closed) {
                return false;
            }
            buffer.add(message);
            Receive r = receivers.pollFirst();
            if (r != null) {
                r.state = Receive.WOKEN;
                w = r.waker;
            }
        }
        if (w != null) {
            w.wake();
        }
        return true;
    }

    private ClosedException closedError(String op) {
        return new ClosedException("Channel(" + name + ")." + op + ": the channel is closed");
    }

    private final class Send implements Future<Void> {

        private T message;
        /** Created only if the fast path finds the channel full. */
        private Future<Permit> slot;
        private boolean finished;

        Send(T message) {
            this.message = message;
        }

        @Override
        public Poll<Void> poll(Context cx) {
            if (finished) {
                throw new IllegalStateException("Channel(" + name + ").send polled after it completed or was cancelled");
            }
            if (slot == null) {
                if (isClosed()) {
                    finished = true;
                    throw closedError("send");
                }
                if (!Coop.proceed(cx)) {
                    return Poll.pending();  // budget spent: the executor re-polls us next turn
                }
                if (!slots.tryAcquire(1)) {
                    slot = slots.acquire(1);
                }
            }
            if (slot != null) {
                try {
                    if (slot.poll(cx).isPending()) {
                        return Poll.pending();
                    }
                } catch (ClosedException e) {
                    finished = true;
                    throw closedError("send");
                }
            }
            finished = true;
            T m = message;
            message = null;
            if (!push(m)) {
                slots.release(1);
                throw closedError("send");
            }
            return Poll.ready(null);
        }

        @Override
        public void cancel() {
            if (!finished) {
                finished = true;
                message = null;
                if (slot != null) {
                    slot.cancel();  // gives back a slot granted but not yet used, nothing else
                }
            }
        }

        @Override
        public String describe() {
            return "Channel(" + name + ").send [" + (finished ? "done" : slot != null ? slot.describe() : "not polled") + "]";
        }
    }

    private final class Receive extends Waiter implements Future<T> {

        static final int INIT = 0;
        static final int WAITING = 1;    // queued
        static final int WOKEN = 2;      // dequeued by a send or close, not yet polled
        static final int DONE = 3;
        static final int CANCELLED = 4;

        /** Guarded by lock. */
        int state = INIT;

        @Override
        public Poll<T> poll(Context cx) {
            T m;
            Waker next = null;
            synchronized (lock) {
                if (state == DONE || state == CANCELLED) {
                    throw new IllegalStateException(
                            "Channel(" + name + ").receive polled after it completed or was cancelled");
                }
                if (!buffer.isEmpty() && !Coop.proceed(cx)) {
                    return Poll.pending();  // budget spent: the executor re-polls us next turn
                }
                m = buffer.poll();
                if (m == null && !closed) {
                    waker = cx.waker();
                    if (!queued) {
                        receivers.addLast(this);
                    }
                    state = WAITING;
                    return Poll.pending();
                }
                receivers.remove(this);
                state = DONE;
                if (m != null && !buffer.isEmpty()) {
                    next = wakeNextReceiver();  // we may have taken the message another was woken for
                }
            }
            if (next != null) {
                next.wake();
            }
            if (m != null) {
                slots.release(1);
            }
            return Poll.ready(m);
        }

        @Override
        public void cancel() {
            Waker next = null;
            synchronized (lock) {
                if (state == WAITING) {
                    receivers.remove(this);
                } else if (state == WOKEN && !buffer.isEmpty()) {
                    next = wakeNextReceiver();  // pass on the wake we will not use
                }
                if (state != DONE) {
                    state = CANCELLED;
                }
            }
            if (next != null) {
                next.wake();
            }
        }

        @Override
        public String describe() {
            synchronized (lock) {
                String s = switch (state) {
                    case INIT -> "not polled";
                    case WAITING -> "waiting, " + buffer.size() + "/" + capacity + " buffered";
                    case WOKEN -> "woken";
                    case DONE -> "done";
                    default -> "cancelled";
                };
                return "Channel(" + name + ").receive [" + s + "]";
            }
        }

        /** Call under lock. */
        private Waker wakeNextReceiver() {
            Receive r = receivers.pollFirst();
            if (r == null) {
                return null;
            }
            r.state = WOKEN;
            return r.waker;
        }
    }
}
