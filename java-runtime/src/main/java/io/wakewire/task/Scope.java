package io.wakewire.task;

import java.util.ArrayList;
import java.util.List;

/**
 * Structured concurrency: children spawned through a scope do not outlive it.
 *
 * <pre>{@code
 * try (var scope = Scope.open(Async.context())) {
 *     var a = scope.spawn("reader", readLoop());
 *     var b = scope.spawn("blinker", blink());
 *     Async.await(Futures.race(a, b));
 * } // whichever child is still running is cancelled here
 * }</pre>
 *
 * <p>{@link #close()} cancels every unfinished, undetached child; the cancellations take effect
 * on the executor's next turn (close cannot block a cooperative executor). {@link #join()}
 * awaits all children spawned so far, failing fast (and cancelling the rest) if one fails.
 * A scope belongs to the code that opened it; it is not thread-safe.
 */
public final class Scope implements AutoCloseable {

    private final Executor executor;
    private final List<JoinHandle<?>> children = new ArrayList<>();
    private boolean closed;

    private Scope(Executor executor) {
        this.executor = executor;
    }

    public static Scope open(Executor executor) {
        if (executor == null) {
            throw new IllegalArgumentException("Scope.open: executor is null");
        }
        return new Scope(executor);
    }

    /**
     * A scope on the executor of the calling code: the body's executor inside an
     * {@code Async.async} body, else the executor whose thread this is.
     */
    public static Scope open() {
        Executor ex = Executor.current();
        if (ex == null) {
            try {
                ex = Async.context().executor();
            } catch (IllegalStateException e) {
                throw new IllegalStateException("Scope.open() outside any executor: pass the Executor or Context", e);
            }
        }
        return open(ex);
    }

    public static Scope open(Context cx) {
        return new Scope(Executor.of(cx, "Scope.open"));
    }

    public <T> JoinHandle<T> spawn(String name, Future<T> future) {
        if (closed) {
            throw new IllegalStateException("Scope.spawn(" + name + "): the scope is closed");
        }
        JoinHandle<T> h = executor.spawn(name, future);
        children.add(h);
        return h;
    }

    /** All children spawned so far, in spawn order; fails fast, cancelling the others. */
    public Future<List<Object>> join() {
        return Futures.tryJoin(new ArrayList<>(children));
    }

    /** Children still running. */
    public int running() {
        int n = 0;
        for (JoinHandle<?> h : children) {
            if (!h.isDone()) {
                n++;
            }
        }
        return n;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (JoinHandle<?> h : children) {
            if (!h.isDone()) {
                h.cancel();
            }
        }
    }
}
