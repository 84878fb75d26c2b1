package io.wakewire.pi;

import io.wakewire.task.Context;
import io.wakewire.task.Executor;
import io.wakewire.task.Future;
import io.wakewire.task.Poll;
import io.wakewire.task.Waker;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Polls a future by hand, without an executor: its waker counts wakes and releases a permit,
 * so a test can block until woken, with a bound, and tell a lost wake from a slow one.
 */
class ManualContext implements Context {

    final AtomicInteger wakes = new AtomicInteger();
    private final Semaphore woken = new Semaphore(0);
    private final Waker waker = () -> {
        wakes.incrementAndGet();
        woken.release();
    };

    @Override
    public Waker waker() {
        return waker;
    }

    @Override
    public Executor executor() {
        throw new UnsupportedOperationException("ManualContext has no executor");
    }

    <T> Poll<T> poll(Future<T> f) {
        return f.poll(this);
    }

    /**
     * Wait until woken at least once since the last call; false after the bound. Extra wakes are
     * folded into this one (the caller polls again anyway), but a wake that arrives after a
     * timeout is kept for the next call: draining it then would lose it.
     */
    boolean awaitWake(long millis) throws InterruptedException {
        if (!woken.tryAcquire(millis, TimeUnit.MILLISECONDS)) {
            return false;
        }
        woken.drainPermits();
        return true;
    }
}
