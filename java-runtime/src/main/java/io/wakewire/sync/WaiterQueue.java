package io.wakewire.sync;

/**
 * An intrusive doubly linked FIFO of {@link Waiter}s: O(1) append, removal from anywhere
 * (cancellation) and removal of the first. Not thread-safe: the owning primitive's lock
 * guards it.
 *
 * <p>Trade-off: intrusive nodes mean a future can sit in only one queue at a time (true of
 * every future here) in exchange for zero allocation on the pending path.
 */
final class WaiterQueue<W extends Waiter> {

    private Waiter head;
    private Waiter tail;
    private int size;

    boolean isEmpty() {
        return head == null;
    }

    int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    W peekFirst() {
        return (W) head;
    }

    void addLast(W w) {
        if (w.queued) {
            throw new IllegalStateException("waiter is already queued");
        }
        w.queued = true;
        w.prev = tail;
        w.next = null;
        if (tail == null) {
            head = w;
        } else {
            tail.next = w;
        }
        tail = w;
        size++;
    }

    /** Unlinks {@code w}; does nothing if it is not queued. */
    void remove(W w) {
        if (!w.queued) {
            return;
        }
        Waiter p = w.prev;
        Waiter n = w.next;
        if (p == null) {
            head = n;
        } else {
            p.next = n;
        }
        if (n == null) {
            tail = p;
        } else {
            n.prev = p;
        }
        w.prev = null;
        w.next = null;
        w.queued = false;
        size--;
    }

    /** Unlinks and returns the first waiter, or null if the queue is empty. */
    W pollFirst() {
        W w = peekFirst();
        if (w != null) {
            remove(w);
        }
        return w;
    }
}
