package io.wakewire.sync;

/**
 * Permits taken from a {@link Semaphore}; {@link #close()} gives them back (once, however often
 * it is called), so a holder can use try-with-resources:
 * <pre>{@code try (Permit p = await(semaphore.acquire())) { ... } }</pre>
 */
public interface Permit extends AutoCloseable {

    /** How many permits this holds. */
    int count();

    /** Gives the permits back to the semaphore; idempotent. */
    @Override
    void close();
}
