package io.wakewire.task;

/**
 * The outcome of one {@link Future#poll}: ready with a value, or pending.
 *
 * <p>Pending is one shared instance so that the common "not yet" path allocates nothing.
 * A ready outcome carrying {@code null} is allowed (a {@code Future<Void>} completes that way).
 */
public final class Poll<T> {

    private static final Poll<?> PENDING = new Poll<>(null, false);
    private static final Poll<?> READY_NULL = new Poll<>(null, true);

    private final T value;
    private final boolean ready;

    private Poll(T value, boolean ready) {
        this.value = value;
        this.ready = ready;
    }

    @SuppressWarnings("unchecked")
    public static <T> Poll<T> pending() {
        return (Poll<T>) PENDING;
    }

    @SuppressWarnings("unchecked")
    public static <T> Poll<T> ready(T value) {
        return value == null ? (Poll<T>) READY_NULL : new Poll<>(value, true);
    }

    public boolean isReady() {
        return ready;
    }

    public boolean isPending() {
        return !ready;
    }

    /** The value of a ready outcome; throws {@link IllegalStateException} on a pending one. */
    public T value() {
        if (!ready) {
            throw new IllegalStateException("value() of a pending Poll");
        }
        return value;
    }

    @Override
    public String toString() {
        return ready ? "Ready(" + value + ")" : "Pending";
    }
}
