package io.wakewire.sync;

import io.wakewire.task.Context;
import io.wakewire.task.Executor;
import io.wakewire.task.Future;
import io.wakewire.task.Poll;
import io.wakewire.task.Waker;

import java.util.concurrent.locks.LockSupport;

/**
 * The smallest possible "executor" for multi-threaded tests of the primitives alone: drives one
 * future on the calling thread, parking between polls until its waker runs. Test-only; the
 * real executor is io.wakewire.task.Executor.
 */
final class ParkingLoop implements Context, Waker {

    private final Thread owner = Thread.currentThread();
    private volatile boolean woken;

    @Override
    public void wake() {
        woken = true;
        LockSupport.unpark(owner);
    }

    @Override
    public Waker waker() {
        return this;
    }

    @Override
    public Executor executor() {
        return null;  // not an executor: no timers, no coop budget
    }

    <T> T blockOn(Future<T> f) {
        woken = true;  // a new future is polled once before anything can wake it
        while (true) {
            while (!woken) {
                LockSupport.park(this);
                if (Thread.interrupted()) {
                    f.cancel();
                    throw new IllegalStateException("interrupted while waiting on " + f.describe());
                }
            }
            woken = false;
            Poll<T> p = f.poll(this);
            if (p.isReady()) {
                return p.value();
            }
        }
    }
}
