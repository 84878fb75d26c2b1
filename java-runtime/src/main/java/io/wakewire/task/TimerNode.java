package io.wakewire.task;

/**
 * An entry of the {@link TimerWheel}, meant to be subclassed by the timer future itself (a
 * sleep, an interval) so that a pending timer costs no object besides the future: the wheel's
 * slots are intrusive doubly-linked lists of these nodes.
 *
 * <p>All fields belong to the executor thread (timers are inserted by {@code poll}, removed by
 * {@code cancel} or by expiry, all on that thread).
 */
abstract class TimerNode {

    /** Wheel tick at which the timer is due; valid while inserted. */
    long deadlineTick;
    /** Neighbours in the slot list; null at the ends. */
    TimerNode prev;
    TimerNode next;
    /** The wheel holding this node, or null when not inserted. */
    TimerWheel wheel;
    /** Index of the slot list (level * 64 + slot) while inserted. */
    int slotIndex;
    /** The task awaiting this timer; set by {@code poll}, taken by {@link #wakeWaiter}, cleared by cancel. */
    Waker waker;

    /** Called once by the wheel, on the executor thread, when the deadline has passed. */
    abstract void expire();

    /** Wakes the awaiting task, once: the waker is taken, so a later expiry wakes no one. */
    final void wakeWaiter() {
        Waker w = waker;
        waker = null;
        if (w != null) {
            w.wake();
        }
    }

    final boolean isScheduled() {
        return wheel != null;
    }
}
