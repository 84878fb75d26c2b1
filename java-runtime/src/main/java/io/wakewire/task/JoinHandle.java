package io.wakewire.task;

/**
 * The result side of a spawned task: a future of the task's value, and control over the task.
 *
 * <ul>
 *   <li>Awaiting/polling it gives the task's value, or throws {@link TaskFailedException} (the
 *       task threw; the cause is what it threw) or {@link TaskCancelledException}.</li>
 *   <li>One joiner at a time: the handle keeps a single waker (the last one to poll it). To
 *       share a result among many, send it through an {@code io.wakewire.sync} primitive.</li>
 *   <li>{@link #cancel()} cancels the task (thread-safe; takes effect on the executor's next
 *       turn, where the task's awaited futures are cancelled recursively). Because the handle
 *       is a future, putting it in {@link Futures#race} cancels the losing tasks.</li>
 *   <li>{@link #detach()} lets the task run on unobserved: later {@code cancel()} calls through
 *       this handle (or a race/scope holding it) are ignored. Only {@code Executor.close()}
 *       still cancels it.</li>
 * </ul>
 *
 * <p>Java has no destructors, so a handle that is simply dropped does not cancel its task
 * (unlike tokio's abort-on-drop options): tasks run to completion unless cancelled.
 */
public interface JoinHandle<T> extends Future<T> {

    /** Cancel the task unless detached. Thread-safe, idempotent. */
    @Override
    void cancel();

    /** Stop controlling the task: it runs on, and cancel() via this handle becomes a no-op. */
    void detach();

    /** Whether the task has finished (value, failure or cancellation). Thread-safe. */
    boolean isDone();

    /** The name given at spawn, for messages and dumps. */
    String name();
}
