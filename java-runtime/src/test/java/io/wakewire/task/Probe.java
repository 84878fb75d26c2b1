package io.wakewire.task;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A future completed by hand (from any thread), which counts its polls and records its
 * cancellation: the test double for "something the task waits on".
 */
final class Probe<T> implements Future<T> {

    private final String label;
    private volatile boolean ready;
    private volatile T value;
    private volatile RuntimeException failure;
    private volatile Waker waker;
    final AtomicInteger polls = new AtomicInteger();
    volatile boolean cancelled;

    Probe(String label) {
        this.label = label;
    }

    void complete(T v) {
        value = v;
        ready = true;
        Waker w = waker;
        if (w != null) {
            w.wake();
        }
    }

    void fail(RuntimeException e) {
        failure = e;
        complete(null);
    }

    @Override
    public Poll<T> poll(Context cx) {
        polls.incrementAndGet();
        if (cancelled) {
            throw new AssertionError(label + " polled after cancel");
        }
        waker = cx.waker();
        if (ready) {
            if (failure != null) {
                throw failure;
            }
            return Poll.ready(value);
        }
        return Poll.pending();
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    @Override
    public String describe() {
        return "probe(" + label + ")";
    }
}
