package io.wakewire.sync;

import io.wakewire.task.Waker;

/**
 * Waiters collected under a primitive's lock and woken after it is released, so that a
 * waker (which may unpark another thread) never runs while the lock is held.
 *
 * <p>The list is linked through the waiters' own {@code next} field (no array, no growth).
 * Only waiters that have been removed from their queue and moved to a terminal state may be
 * added: see {@link Waiter}.
 */
final class WakeList {

    private Waiter head;
    private Waiter tail;

    void add(Waiter w) {
        if (w.queued) {
            throw new IllegalStateException("waiter must leave its queue before it is woken");
        }
        w.next = null;
        if (tail == null) {
            head = w;
        } else {
            tail.next = w;
        }
        tail = w;
    }

    boolean isEmpty() {
        return head == null;
    }

    /** Wakes every waiter in the order added; call with no lock held. */
    void wakeAll() {
        Waiter w = head;
        head = null;
        tail = null;
        while (w != null) {
            Waiter n = w.next;
            w.next = null;
            Waker k = w.waker;
            if (k != null) {
                k.wake();
            }
            w = n;
        }
    }
}
