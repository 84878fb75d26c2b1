package io.wakewire.task;

/**
 * An entry of the {@link TimerWheel}, meant to be subclassed by whatever owns the timer (a sleep,
 * an interval, or a {@link Task} whose whole body is a sleep) so that a pending timer costs no
 * object besides its owner: the wheel's slots are intrusive doubly-linked lists of these nodes.
 * The node holds only what the wheel needs (20 bytes), so that a task can carry it and still be
 * one 64-byte object; who to wake is the subclass's business ({@link WakingTimer}).
 *
 * <p>All fields belong to the executor thread (timers are inserted by {@code poll}, removed by
 * {@code cancel} or by expiry, all on that thread).
 */
abstract class TimerNode {

    /** {@link #slotIndex} of a node that is in no wheel. */
    static final int NOT_SCHEDULED = -1;

    /** Wheel tick at which the timer is due; valid while inserted. */
    long deadlineTick;
    /** Neighbours in the slot list; null at the ends. */
    TimerNode prev;
    TimerNode next;
    /** Index of the slot list (level * 64 + slot) while inserted, else {@link #NOT_SCHEDULED}. */
    int slotIndex = NOT_SCHEDULED;

    /** Called once by the wheel, on the executor thread, when the deadline has passed. */
    abstract void expire();

    final boolean isScheduled() {
        return slotIndex >= 0;
    }
}
