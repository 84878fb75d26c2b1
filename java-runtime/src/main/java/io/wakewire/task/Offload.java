package io.wakewire.task;

import java.util.concurrent.Callable;

/**
 * {@link Futures#blocking}: runs a blocking call (file I/O, a library without an async API) on a
 * virtual thread of its own and completes when it returns, so the executor thread never blocks.
 * The thread starts at the first poll; its completion wakes the awaiting task through the
 * waker, like any other cross-thread event. Cancelling interrupts the thread (a call that ignores
 * interrupts runs on to its end, and its result is dropped).
 *
 * <p>Cost: one virtual thread per call (about a microsecond to start, plus the cross-thread wake).
 * Not for work that must be cooperative with other tasks' data: the call runs concurrently with
 * the executor, on another thread.
 */
final class Offload<T> implements Future<T> {

    private final Callable<? extends T> call;
    private Thread thread;
    private volatile boolean finished;
    private volatile Waker waker;
    private T value;
    private Throwable failure;

    Offload(Callable<? extends T> call) {
        if (call == null) {
            throw new IllegalArgumentException("blocking: call is null");
        }
        this.call = call;
    }

    @Override
    public Poll<T> poll(Context cx) {
        waker = cx.waker();
        if (thread == null) {
            thread = Thread.ofVirtual().name("wakewire-blocking").start(this::runCall);
        }
        if (!finished) {
            return Poll.pending();
        }
        if (failure != null) {
            throw Sneaky.rethrow(failure);
        }
        return Poll.ready(value);
    }

    private void runCall() {
        try {
            value = call.call();
        } catch (Throwable t) {
            failure = t;
        }
        finished = true; // publishes value/failure
        Waker w = waker;
        if (w != null) {
            w.wake();
        }
    }

    @Override
    public void cancel() {
        waker = null;
        if (thread != null && !finished) {
            thread.interrupt();
        }
    }

    @Override
    public String describe() {
        return finished ? "blocking(done)" : "blocking(" + (thread == null ? "not started" : "running") + ")";
    }
}
