package io.wakewire.task;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The one place that changes a task's lifecycle: a packed state word and the named, atomic
 * transitions between its values. Everything else asks for a transition and acts on what
 * the transition says happened; nothing else writes the word.
 *
 * <h2>Who owns what, and when</h2>
 * <pre>
 *  bit        set by                          cleared by                 meaning
 *  NOTIFIED   any thread (wake, cancel)       executor (toRunning)       one poll is owed; if the task
 *                                                                         is not RUNNING, whoever set the
 *                                                                         bit has put it in a run queue
 *  RUNNING    executor (toRunning)            executor (toIdle/Complete) the executor thread is inside poll
 *  CANCELLED  any thread (toCancelled)        never                      cancellation was asked for
 *  COMPLETE   executor (toComplete)           never                      outcome is published; terminal
 *  FAILED     executor (toComplete)           never                      the outcome is a Throwable
 *  DETACHED   any thread (detach)             never                      the handle gave up: cancel() via
 *                                                                         the handle is ignored
 * </pre>
 *
 * <ul>
 *   <li>A task sits in at most one run queue at a time: only the transition that sets NOTIFIED
 *       on an idle (not RUNNING, not NOTIFIED) task says {@link Transition#SUBMIT}. That is why
 *       the queues can be intrusive (the task's own link field) and why duplicate wakes
 *       collapse into one poll without allocating anything.</li>
 *   <li>A wake that lands while the task is RUNNING only sets NOTIFIED; the executor sees it in
 *       {@link #transitionToIdle()} and requeues the task itself (at the back: fairness).</li>
 *   <li>Cancellation from another thread sets CANCELLED and schedules the task like a wake;
 *       the executor thread then performs the cancel (so {@link Future#cancel()} always runs
 *       on the executor thread, like {@code poll}).</li>
 *   <li>The task's fields other than the state word (future, outcome) are written only by the
 *       executor thread; the volatile write of COMPLETE publishes the outcome to joiners on
 *       other threads.</li>
 * </ul>
 *
 * <p>The word lives in the task object itself (subclassing instead of an AtomicInteger field)
 * so that a sleeping task costs one object, not two.
 */
abstract class TaskState {

    static final int NOTIFIED = 1;
    static final int RUNNING = 1 << 1;
    static final int CANCELLED = 1 << 2;
    static final int COMPLETE = 1 << 3;
    static final int FAILED = 1 << 4;
    static final int DETACHED = 1 << 5;

    /** What a transition found; the caller acts on it. */
    enum Transition {
        /** The caller set NOTIFIED on an idle task and must put it in a run queue. */
        SUBMIT,
        /** Nothing for the caller to do (already notified, running, or complete). */
        DO_NOTHING,
        /** The task may be polled now. */
        POLL,
        /** The task must be cancelled now instead of polled. */
        CANCEL,
        /** The task went idle; a later wake will submit it. */
        IDLE,
        /** The task was woken (or cancelled) while running: the executor requeues it. */
        REQUEUE,
    }

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(TaskState.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // accessed through STATE
    private volatile int state;

    /** A new task starts NOTIFIED: the spawner puts it in a run queue. */
    TaskState() {
        STATE.set(this, NOTIFIED);
    }

    final int state() {
        return (int) STATE.getVolatile(this);
    }

    final boolean isComplete() {
        return (state() & COMPLETE) != 0;
    }

    /** wake(): any thread. SUBMIT means the caller must enqueue the task. */
    final Transition transitionToNotified() {
        int s = state();
        while (true) {
            if ((s & (NOTIFIED | COMPLETE)) != 0) {
                return Transition.DO_NOTHING;
            }
            int witness = (int) STATE.compareAndExchange(this, s, s | NOTIFIED);
            if (witness == s) {
                return (s & RUNNING) != 0 ? Transition.DO_NOTHING : Transition.SUBMIT;
            }
            s = witness;
        }
    }

    /** cancel(): any thread. SUBMIT means the caller must enqueue the task so the executor cancels it. */
    final Transition transitionToCancelled() {
        int s = state();
        while (true) {
            if ((s & (COMPLETE | CANCELLED)) != 0) {
                return Transition.DO_NOTHING;
            }
            int witness = (int) STATE.compareAndExchange(this, s, s | CANCELLED | NOTIFIED);
            if (witness == s) {
                return (s & (RUNNING | NOTIFIED)) != 0 ? Transition.DO_NOTHING : Transition.SUBMIT;
            }
            s = witness;
        }
    }

    /** Executor thread, on taking the task from a run queue: POLL, CANCEL, or DO_NOTHING if complete. */
    final Transition transitionToRunning() {
        int s = state();
        while (true) {
            if ((s & COMPLETE) != 0) {
                return Transition.DO_NOTHING;
            }
            int witness = (int) STATE.compareAndExchange(this, s, (s & ~NOTIFIED) | RUNNING);
            if (witness == s) {
                return (s & CANCELLED) != 0 ? Transition.CANCEL : Transition.POLL;
            }
            s = witness;
        }
    }

    /** Executor thread, after a Pending poll: IDLE, or REQUEUE if woken or cancelled meanwhile. */
    final Transition transitionToIdle() {
        int s = state();
        while (true) {
            int witness = (int) STATE.compareAndExchange(this, s, s & ~RUNNING);
            if (witness == s) {
                return (s & NOTIFIED) != 0 ? Transition.REQUEUE : Transition.IDLE;
            }
            s = witness;
        }
    }

    /**
     * Executor thread, once: publish the outcome (already stored by the caller) and return the
     * previous word. {@code failed} marks the outcome as a Throwable; {@code cancelled} records
     * a cancellation the executor performed itself (close()).
     */
    final int transitionToComplete(boolean failed, boolean cancelled) {
        int add = COMPLETE | (failed ? FAILED : 0) | (cancelled ? CANCELLED : 0);
        int s = state();
        while (true) {
            int witness = (int) STATE.compareAndExchange(this, s, (s & ~(RUNNING | NOTIFIED)) | add);
            if (witness == s) {
                return s;
            }
            s = witness;
        }
    }

    /** Any thread: mark the handle detached. Returns false if it already was. */
    final boolean transitionToDetached() {
        int s = state();
        while (true) {
            if ((s & DETACHED) != 0) {
                return false;
            }
            int witness = (int) STATE.compareAndExchange(this, s, s | DETACHED);
            if (witness == s) {
                return true;
            }
            s = witness;
        }
    }

    /** A readable word for dumps and messages, e.g. "RUNNING|NOTIFIED". */
    static String describeState(int s) {
        StringBuilder b = new StringBuilder();
        String[] names = {"NOTIFIED", "RUNNING", "CANCELLED", "COMPLETE", "FAILED", "DETACHED"};
        for (int i = 0; i < names.length; i++) {
            if ((s & (1 << i)) != 0) {
                if (b.length() > 0) {
                    b.append('|');
                }
                b.append(names[i]);
            }
        }
        return b.length() == 0 ? "IDLE" : b.toString();
    }
}
