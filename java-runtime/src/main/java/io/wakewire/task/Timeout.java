package io.wakewire.task;

import java.time.Duration;

/**
 * {@link Futures#timeout}: the inner future's value, or {@link TimedOutException} once the limit
 * (counted from the first poll) passes; the inner future is then cancelled. The inner future is
 * polled first, so a value that is ready at the deadline still wins.
 */
final class Timeout<T> implements Future<T> {

    private final Future<T> inner;
    private final Sleep timer;
    private final Duration limit;
    private boolean done;

    Timeout(Future<T> inner, Duration limit) {
        this.inner = inner;
        this.limit = limit;
        this.timer = Sleep.of(limit);
    }

    @Override
    public Poll<T> poll(Context cx) {
        Poll<T> p;
        try {
            p = inner.poll(cx);
        } catch (Throwable t) {
            done = true;
            timer.cancel();
            throw t;
        }
        if (p.isReady()) {
            done = true;
            timer.cancel();
            return p;
        }
        if (timer.poll(cx).isReady()) {
            done = true;
            inner.cancel();
            throw new TimedOutException(limit, inner.describe());
        }
        return Poll.pending();
    }

    @Override
    public void cancel() {
        if (!done) {
            done = true;
            timer.cancel();
            inner.cancel();
        }
    }

    @Override
    public String describe() {
        return "timeout(" + limit.toMillis() + " ms, " + inner.describe() + ")";
    }
}
