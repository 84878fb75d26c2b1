package io.wakewire.task;

import java.util.function.Function;

/**
 * A value that becomes available later, driven by an executor calling {@link #poll}.
 *
 * <p>Contract (the same as Rust's {@code Future}, which this imitates):
 * <ul>
 *   <li>{@code poll} returns {@link Poll#ready} once, with the value, or {@link Poll#pending()}.
 *       A future that returns Pending has arranged for {@code cx.waker()} to be woken when
 *       progress is possible; the executor will not poll it again before that (spurious
 *       polls are allowed and must be harmless).</li>
 *   <li>The Pending path allocates nothing: {@link Poll#pending()} is a shared constant.</li>
 *   <li>{@code poll} is only ever called from the executor thread that owns the task.</li>
 *   <li>{@link #cancel} withdraws interest: it releases what the future holds (timers,
 *       waiter slots, child futures, recursively) and is idempotent. After cancel the
 *       future is not polled again. Like {@code poll}, it is called on the executor thread
 *       (cancelling a task from elsewhere goes through {@link JoinHandle#cancel()}, which
 *       hands the work to that thread).</li>
 *   <li>{@code poll} fails by throwing; the executor then calls {@code cancel} so that the
 *       future releases whatever it still holds.</li>
 * </ul>
 */
@FunctionalInterface
public interface Future<T> {

    Poll<T> poll(Context cx);

    /** Withdraw interest and release resources, recursively into awaited futures. Idempotent. */
    default void cancel() {}

    /** What this future waits on, for {@code Executor.dump()}; cheap, called only on demand. */
    default String describe() {
        return getClass().getSimpleName();
    }

    /** This future's value passed through {@code fn}; see {@link Futures#map}. */
    default <R> Future<R> map(Function<? super T, ? extends R> fn) {
        return Futures.map(this, fn);
    }

    /**
     * This future's value, or {@link TimedOutException} (and this future cancelled) once
     * {@code limit} has passed since the first poll; named as {@code CompletableFuture} names it.
     * See {@link Futures#timeout}.
     */
    default Future<T> orTimeout(java.time.Duration limit) {
        return Futures.timeout(this, limit);
    }

    /** The future that {@code next} makes from this one's value; see {@link Futures#andThen}. */
    default <R> Future<R> andThen(Function<? super T, ? extends Future<R>> next) {
        return Futures.andThen(this, next);
    }
}
