package io.wakewire.task;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The lock-free multi-producer, single-consumer path by which other threads (serial readers,
 * Pi4J listeners, a JNI reactor, spawners) hand tasks to the executor thread.
 *
 * <p>An intrusive Treiber stack: a producer links the task through its own {@code remoteNext}
 * field and CASes it onto the head; the consumer takes the whole stack with one atomic swap and
 * reverses it into arrival order. No node is allocated (the state word guarantees a task is
 * pushed at most once until it has been polled), and the consumer pays one atomic operation
 * per batch, not per task. Trade-off: under heavy contention producers retry their CAS, and
 * a batch is only seen whole (fine: the executor drains it all at once).
 */
final class RemoteWakeStack {

    private static final VarHandle HEAD;

    static {
        try {
            HEAD = MethodHandles.lookup().findVarHandle(RemoteWakeStack.class, "head", Task.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // through HEAD
    private volatile Task<?> head;

    /** Any thread. */
    void push(Task<?> task) {
        Task<?> h = (Task<?>) HEAD.getVolatile(this);
        while (true) {
            task.remoteNext = h;
            Task<?> witness = (Task<?>) HEAD.compareAndExchange(this, h, task);
            if (witness == h) {
                return;
            }
            h = witness;
        }
    }

    boolean isEmpty() {
        return HEAD.getVolatile(this) == null;
    }

    /** Consumer only: everything pushed so far, oldest first (linked by remoteNext), or null. */
    Task<?> takeAll() {
        Task<?> h = (Task<?>) HEAD.getAndSet(this, (Task<?>) null);
        Task<?> reversed = null;
        while (h != null) {
            Task<?> next = h.remoteNext;
            h.remoteNext = reversed;
            reversed = h;
            h = next;
        }
        return reversed;
    }
}
