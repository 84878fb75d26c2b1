package io.wakewire.link;

import io.wakewire.task.Context;
import io.wakewire.task.Executor;
import io.wakewire.task.Waker;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A waker that counts its wakes and lets a test wait for the next one; also a Context around it. */
final class CountingWaker implements Waker, Context {

    private final AtomicInteger wakes = new AtomicInteger();
    private final Semaphore signal = new Semaphore(0);

    @Override
    public void wake() {
        wakes.incrementAndGet();
        signal.release();
    }

    int count() {
        return wakes.get();
    }

    /** Waits up to {@code seconds} for a wake not consumed yet; false on time-out. */
    boolean awaitWake(long seconds) throws InterruptedException {
        return signal.tryAcquire(seconds, TimeUnit.SECONDS);
    }

    @Override
    public Waker waker() {
        return this;
    }

    @Override
    public Executor executor() {
        throw new UnsupportedOperationException("no executor in link tests");
    }
}
