package io.wakewire.task;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Where to find every ready-made future and combinator: timers, join/tryJoin, race/select,
 * timeout, map/andThen, yieldNow. Each returns a fresh, single-use future; await it, spawn it,
 * or compose it further.
 */
public final class Futures {

    private Futures() {
    }

    /** Already complete with {@code value}. */
    public static <T> Future<T> ready(T value) {
        Poll<T> p = Poll.ready(value);
        return new Future<>() {
            @Override
            public Poll<T> poll(Context cx) {
                return p;
            }

            @Override
            public String describe() {
                return "ready";
            }
        };
    }

    /** Fails with {@code failure} when polled. */
    public static <T> Future<T> failed(Throwable failure) {
        if (failure == null) {
            throw new IllegalArgumentException("failed: failure is null");
        }
        return new Future<>() {
            @Override
            public Poll<T> poll(Context cx) {
                throw Sneaky.rethrow(failure);
            }

            @Override
            public String describe() {
                return "failed(" + failure + ")";
            }
        };
    }

    /** Never completes (until cancelled): a placeholder branch, or a task that only waits to be cancelled. */
    public static <T> Future<T> never() {
        return new Future<>() {
            @Override
            public Poll<T> poll(Context cx) {
                return Poll.pending();
            }

            @Override
            public String describe() {
                return "never";
            }
        };
    }

    /** Runs {@code body} at the first poll and completes with its value (no suspension inside). */
    public static <T> Future<T> lazy(Supplier<? extends T> body) {
        return cx -> Poll.ready(body.get());
    }

    // ---- time ---------------------------------------------------------------------------------

    /** Completes {@code d} after its first poll (at tick granularity, never early). */
    public static Future<Void> sleep(Duration d) {
        return Sleep.of(d);
    }

    /** Completes once the executor's clock reaches {@code deadlineNanos} ({@link Executor#nanoTime()} units). */
    public static Future<Void> sleepUntil(long deadlineNanos) {
        return new Sleep(deadlineNanos, true);
    }

    /**
     * {@code future}'s value, or {@link TimedOutException} (and {@code future} cancelled) after
     * {@code limit}; the same as {@code future.orTimeout(limit)}.
     */
    public static <T> Future<T> timeout(Future<T> future, Duration limit) {
        if (future == null || limit == null) {
            throw new IllegalArgumentException("timeout: future and limit must not be null");
        }
        return new Timeout<>(future, limit);
    }

    /** A periodic timer; see {@link Interval} and {@link MissedTickPolicy}. */
    public static Interval interval(Duration period, MissedTickPolicy policy) {
        return new Interval(period, policy);
    }

    /** {@link #interval(Duration, MissedTickPolicy)} with {@link MissedTickPolicy#BURST}. */
    public static Interval interval(Duration period) {
        return new Interval(period, MissedTickPolicy.BURST);
    }

    /**
     * Run a blocking call on a virtual thread of its own and complete with its result, so that
     * the executor thread never blocks; cancelling interrupts it. See {@link Offload}.
     */
    public static <T> Future<T> blocking(java.util.concurrent.Callable<? extends T> call) {
        return new Offload<>(call);
    }

    /** Pending once, letting every other runnable task go first. */
    public static Future<Void> yieldNow() {
        return new YieldNow();
    }

    // ---- combinators ----------------------------------------------------------------------------

    /** All values in order; waits for all, then fails with the first failure if any. */
    public static <T> Future<List<T>> join(List<? extends Future<? extends T>> futures) {
        return new JoinAll<>(futures, false);
    }

    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read, into an immutable list
    public static <T> Future<List<T>> join(Future<? extends T>... futures) {
        return new JoinAll<>(List.of(futures), false);
    }

    /** All values in order; at the first failure the rest are cancelled and the failure thrown. */
    public static <T> Future<List<T>> tryJoin(List<? extends Future<? extends T>> futures) {
        return new JoinAll<>(futures, true);
    }

    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read, into an immutable list
    public static <T> Future<List<T>> tryJoin(Future<? extends T>... futures) {
        return new JoinAll<>(List.of(futures), true);
    }

    /**
     * The first of two futures to complete wins, with its value typed as its own
     * ({@link Either.First} or {@link Either.Second}); the other is cancelled. On a tie the
     * first wins; a failure ends the race too.
     */
    public static <A, B> Future<Either<A, B>> either(Future<A> first, Future<B> second) {
        return new RaceTwo<>(first, second);
    }

    /** The first to complete wins (value and index); the losers are cancelled. For two of different types, {@link #either}. */
    public static <T> Future<Selected<T>> select(List<? extends Future<? extends T>> futures) {
        return new Race<>(futures);
    }

    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read, into an immutable list
    public static <T> Future<Selected<T>> select(Future<? extends T>... futures) {
        return new Race<>(List.of(futures));
    }

    /** The value of the first to complete; the losers are cancelled. */
    public static <T> Future<T> race(List<? extends Future<? extends T>> futures) {
        return new Mapped<>(new Race<T>(futures), Selected::value);
    }

    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read, into an immutable list
    public static <T> Future<T> race(Future<? extends T>... futures) {
        return race(List.of(futures));
    }

    /** {@code fn} applied to the value of {@code future}. */
    public static <T, R> Future<R> map(Future<T> future, Function<? super T, ? extends R> fn) {
        return new Mapped<>(future, fn);
    }

    /** Then: the value of the future that {@code next} makes from {@code future}'s value. */
    public static <T, R> Future<R> andThen(Future<T> future, Function<? super T, ? extends Future<R>> next) {
        return new AndThen<>(future, next);
    }
}
