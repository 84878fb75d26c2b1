package io.wakewire.task;

import java.util.List;

/**
 * {@link Futures#select} (and {@link Futures#race}): the first future to complete wins, and
 * every other is cancelled at once ("inform everyone else to stop"). A failure also ends the
 * race: it is rethrown after the others are cancelled.
 *
 * <p>Children are polled in list order, so when several are ready in the same poll the earliest
 * in the list wins (a deterministic bias; tokio's select! randomises instead). Put a shutdown
 * signal first if it must win ties.
 */
final class Race<T> implements Future<Selected<T>> {

    private final Future<? extends T>[] children;
    private boolean done;

    @SuppressWarnings("unchecked")
    Race(List<? extends Future<? extends T>> futures) {
        if (futures.isEmpty()) {
            throw new IllegalArgumentException("race/select of no futures would never complete");
        }
        Future<?>[] array = futures.toArray(new Future<?>[0]);
        this.children = (Future<? extends T>[]) array;
        for (int i = 0; i < children.length; i++) {
            if (children[i] == null) {
                throw new IllegalArgumentException("race/select: future #" + i + " is null");
            }
        }
    }

    @Override
    public Poll<Selected<T>> poll(Context cx) {
        if (done) {
            throw new IllegalStateException("race polled after it completed");
        }
        for (int i = 0; i < children.length; i++) {
            Poll<? extends T> p;
            try {
                p = children[i].poll(cx);
            } catch (Throwable t) {
                cancelAllBut(i);
                throw t;
            }
            if (p.isReady()) {
                cancelAllBut(i);
                return Poll.ready(new Selected<>(i, p.value()));
            }
        }
        return Poll.pending();
    }

    private void cancelAllBut(int winner) {
        done = true;
        Throwable problem = null;
        for (int i = 0; i < children.length; i++) {
            if (i != winner) {
                try {
                    children[i].cancel();
                } catch (Throwable t) {
                    problem = t;
                }
            }
        }
        if (problem != null) {
            throw Sneaky.rethrow(problem);
        }
    }

    @Override
    public void cancel() {
        if (!done) {
            cancelAllBut(-1);
        }
    }

    @Override
    public String describe() {
        StringBuilder b = new StringBuilder("race(");
        for (int i = 0; i < children.length; i++) {
            b.append(i == 0 ? "" : ", ").append(children[i].describe());
        }
        return b.append(')').toString();
    }
}
