package io.wakewire.sync;

import io.wakewire.task.Context;
import io.wakewire.task.Executor;
import io.wakewire.task.Future;
import io.wakewire.task.Poll;
import io.wakewire.task.Waker;

import java.util.concurrent.atomic.AtomicInteger;

/** A context for polling futures by hand in tests: its waker counts wakes. */
final class ManualContext implements Context, Waker {

    private final AtomicInteger wakes = new AtomicInteger();

    @Override
    public void wake() {
        wakes.incrementAndGet();
    }

    @Override
    public Waker waker() {
        return this;
    }

    @Override
    public Executor executor() {
        return null;  // polled by hand: no executor, so the coop budget never runs out
    }

    int wakes() {
        return wakes.get();
    }

    /** Wakes since the last call. */
    int takeWakes() {
        return wakes.getAndSet(0);
    }

    <T> Poll<T> poll(Future<T> f) {
        return f.poll(this);
    }

    /** The value of a ready poll; fails the test if pending. */
    <T> T ready(Future<T> f) {
        Poll<T> p = f.poll(this);
        if (p.isPending()) {
            throw new AssertionError("expected Ready from " + f.describe() + ", got Pending");
        }
        return p.value();
    }

    void pending(Future<?> f) {
        Poll<?> p = f.poll(this);
        if (p.isReady()) {
            throw new AssertionError("expected Pending from " + f.describe() + ", got " + p);
        }
    }
}
