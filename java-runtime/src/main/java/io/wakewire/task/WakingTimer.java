package io.wakewire.task;

/**
 * A timer future's node: the wheel's links plus the waker of the task that awaits it, and the
 * executor whose wheel holds it (to cancel). Executor thread only, like {@link TimerNode}.
 */
abstract class WakingTimer extends TimerNode {

    /** The task awaiting this timer; set by {@code poll}, taken by {@link #wakeWaiter}, cleared by cancel. */
    Waker waker;

    /** Wakes the awaiting task, once: the waker is taken, so a later expiry wakes no one. */
    final void wakeWaiter() {
        Waker w = waker;
        waker = null;
        if (w != null) {
            w.wake();
        }
    }
}
