package io.wakewire.task;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The stock-JVM parker: {@link LockSupport#parkNanos} until the next timer deadline, with a
 * permit flag so that an unpark that comes before the park is not lost.
 *
 * <p>Trade-offs: no I/O readiness (transports that need it use their own reader threads, which
 * wake tasks through wakers); wake-up latency is the OS's thread wake-up time (tens of µs);
 * parkNanos may overshoot the deadline by the OS timer slack (typically 50 µs on Linux), which
 * adds to the timer wheel's tick granularity. The unpark path is one atomic swap when the
 * executor is awake, plus one {@code LockSupport.unpark} syscall when it sleeps.
 */
public final class JdkParker implements Parker {

    private final AtomicBoolean permit = new AtomicBoolean();
    private volatile Thread parked;

    @Override
    public void park(long deadlineNanos, Clock clock) {
        parked = Thread.currentThread();
        try {
            while (!permit.getAndSet(false)) {
                if (deadlineNanos == NO_DEADLINE) {
                    LockSupport.park(this);
                } else {
                    long wait = deadlineNanos - clock.nanoTime();
                    if (wait <= 0) {
                        return;
                    }
                    LockSupport.parkNanos(this, wait);
                }
                if (Thread.interrupted()) {
                    // An interrupt is not a wake for us; restore it for the caller and stop waiting.
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        } finally {
            parked = null;
        }
    }

    @Override
    public void unpark() {
        if (!permit.getAndSet(true)) {
            Thread t = parked;
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
    }
}
