package io.wakewire.sync;

import io.wakewire.task.Waker;

/**
 * A future that can wait in a {@link WaiterQueue}: the future is its own queue node, so
 * registering, re-polling and cancelling allocate nothing.
 *
 * <p>Every field is guarded by the lock of the primitive that owns the queue. After a node
 * has been removed from its queue, {@code next} may link it into a {@link WakeList}; the
 * primitives only do that to nodes whose state has become terminal (they will complete on
 * their next poll and never queue again), so the wake list may be walked after the lock is
 * released without racing a re-registration.
 */
abstract class Waiter {

    /** Neighbours while queued; both null when not queued. */
    Waiter prev;
    /** Next in the queue while queued; next in a wake list after removal. */
    Waiter next;
    /** True exactly while the node is linked into a queue. */
    boolean queued;
    /** The waker of the latest poll; a field store, so a re-poll allocates nothing. */
    Waker waker;
}
