package io.wakewire.task;

/**
 * Rethrows any Throwable without wrapping. Futures fail by throwing out of {@code poll}; a
 * combinator that caught a child's failure hands it on unchanged, checked or not, so that the
 * joiner sees the original exception (inside one {@link TaskFailedException} at the task
 * boundary) rather than layers of wrappers.
 */
final class Sneaky {

    private Sneaky() {
    }

    static RuntimeException rethrow(Throwable t) {
        throw Sneaky.<RuntimeException>cast(t);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E cast(Throwable t) throws E {
        throw (E) t;
    }
}
