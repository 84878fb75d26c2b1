package io.wakewire.sync;

import io.wakewire.task.Context;
import io.wakewire.task.Future;
import io.wakewire.task.Poll;
import io.wakewire.task.Waker;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A single value sent once, from any thread, to one receiving future.
 *
 * <pre>{@code
 * Oneshot<String> reply = Oneshot.create();
 * someThread.submit(() -> reply.sender().send("pong"));
 * String s = await(reply.receiver());
 * }</pre>
 *
 * <p>The channel, its sender and its receiver are one object (one allocation per exchange).
 * The sender may {@link Sender#close() give up}: the receiver then fails with
 * {@link ClosedException}. The receiver may {@link Future#cancel() cancel}: later sends
 * return false so the sender knows nobody listens.
 *
 * <p>How: lock-free. One state word changed by compare-and-set, a volatile waker. The
 * receiver publishes its waker and then re-reads the state; the sender publishes the state and
 * then reads the waker; so at least one of them sees the other and no wake is lost (a
 * duplicate wake is harmless). Trade-off: exactly one value and one receiver; for a stream use
 * {@link Channel}, for "latest value" use {@link Watch}.
 */
public final class Oneshot<T> implements Future<T> {

    /** The sending side: usable from any thread. */
    public interface Sender<T> {

        /** Delivers the value; false if a value was already sent, the sender closed, or the receiver cancelled. */
        boolean send(T value);

        /** Gives up without a value: the receiver fails with {@link ClosedException}. Idempotent. */
        void close();

        /** Whether the receiver has cancelled (nobody will read a value). */
        boolean isReceiverGone();
    }

    private static final int EMPTY = 0;
    private static final int SENDING = 5;  // a sender won the right to send and is writing the value
    private static final int SENT = 1;
    private static final int SENDER_CLOSED = 2;
    private static final int RECEIVER_CANCELLED = 3;
    private static final int TAKEN = 4;

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Oneshot.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String name;
    @SuppressWarnings("unused") // accessed through STATE
    private volatile int state = EMPTY;
    /** Written before the state becomes SENT; read after seeing SENT. */
    private T value;
    private volatile Waker waker;

    private Oneshot(String name) {
        this.name = name;
    }

    public static <T> Oneshot<T> create() {
        return new Oneshot<>("oneshot");
    }

    /** A oneshot with a name for {@code describe()} and error messages. */
    public static <T> Oneshot<T> create(String name) {
        return new Oneshot<>(name);
    }

    public Sender<T> sender() {
        return sender;
    }

    public Future<T> receiver() {
        return this;
    }

    private final Sender<T> sender = new Sender<>() {
        @Override
        public boolean send(T v) {
            if (!STATE.compareAndSet(Oneshot.this, EMPTY, SENDING)) {
                return false;
            }
            value = v;
            if (!STATE.compareAndSet(Oneshot.this, SENDING, SENT)) {
                value = null;  // the receiver cancelled meanwhile
                return false;
            }
            wakeReceiver();
            return true;
        }

        @Override
        public void close() {
            if (STATE.compareAndSet(Oneshot.this, EMPTY, SENDER_CLOSED)) {
                wakeReceiver();
            }
        }

        @Override
        public boolean isReceiverGone() {
            return state == RECEIVER_CANCELLED;
        }
    };

    private void wakeReceiver() {
        Waker w = waker;
        if (w != null) {
            w.wake();
        }
    }

    @Override
    public Poll<T> poll(Context cx) {
        Poll<T> p = tryComplete();
        if (p != null) {
            return p;
        }
        waker = cx.waker();
        // Re-check after publishing the waker: a send between the first check and the
        // store above would otherwise find no waker and never wake us.
        p = tryComplete();
        return p != null ? p : Poll.pending();
    }

    private Poll<T> tryComplete() {
        switch (state) {
            case SENT -> {
                T v = value;
                value = null;
                state = TAKEN;
                waker = null;
                return Poll.ready(v);
            }
            case SENDER_CLOSED -> throw new ClosedException(
                    "Oneshot(" + name + "): the sender closed without sending a value");
            case EMPTY, SENDING -> {
                return null;
            }
            default -> throw new IllegalStateException(
                    "Oneshot(" + name + ") polled after it completed or was cancelled");
        }
    }

    @Override
    public void cancel() {
        for (int s = state; s == EMPTY || s == SENDING || s == SENT; s = state) {
            if (STATE.compareAndSet(this, s, RECEIVER_CANCELLED)) {
                break;
            }
        }
        value = null;
        waker = null;
    }

    @Override
    public String describe() {
        String s = switch (state) {
            case EMPTY, SENDING -> "waiting for the sender";
            case SENT -> "value sent";
            case SENDER_CLOSED -> "sender closed";
            case RECEIVER_CANCELLED -> "cancelled";
            default -> "taken";
        };
        return "Oneshot(" + name + ") [" + s + "]";
    }
}
