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
 *  bit        set by                           cleared by                 meaning
 *  OWNED      spawn; executor (toRunning)      executor (toIdle,          the executor holds the task: it is
 *                                              toComplete)                polling it, or has queued it itself
 *  NOTIFIED   any thread (wake, cancel)        executor (toRunning,       a poll is owed; if the task is not
 *                                              toComplete)                OWNED, whoever set the bit queued it
 *  CANCELLED  any thread (toCancelled)         never                      cancellation was asked for
 *  COMPLETE   executor (toComplete)            never                      outcome is published; terminal
 *  FAILED     executor (toComplete)            never                      the outcome is a Throwable
 *  DETACHED   any thread (detach)              never                      the handle gave up: cancel() via
 *                                                                          the handle is ignored
 *  SELF_WOKEN executor (wake during own poll)  executor (each poll)       the task woke itself while polled;
 *                                                                          never in the shared word (below)
 * </pre>
 *
 * <ul>
 *   <li><b>At most one queue entry.</b> A task is queued either by the executor (while OWNED:
 *       at spawn, or requeued after a poll) or by the one waker whose transition found it
 *       neither OWNED nor NOTIFIED ({@link ToNotified#SUBMIT}). So queues can be intrusive (the
 *       task's own link field) and duplicate wakes collapse into one poll, allocating nothing.</li>
 *   <li><b>Wakes during a poll.</b> A wake from another thread while the task is OWNED only
 *       sets NOTIFIED; {@link #transitionToIdle} sees it and the executor requeues the task (at
 *       the back: fairness). A wake by the task itself, on the executor thread, does not touch
 *       the word at all: SELF_WOKEN is the one bit that lives outside it, in the executor's plain
 *       {@code pollBits} for the task it is polling (only the executor thread reads or writes
 *       it, and an atomic per self-wake would double that path's cost), and is passed to
 *       {@code transitionToIdle}.</li>
 *   <li><b>Fast paths.</b> Other threads only ever <em>add</em> bits. So the executor may read
 *       the word and skip the write when the bits it would clear are absent: a task that the
 *       executor requeued and nobody else touched goes Idle→Running→Idle-with-requeue with no
 *       atomic read-modify-write at all (a self-waking task costs no CAS per turn).</li>
 *   <li><b>Cancellation</b> from any thread sets CANCELLED (and NOTIFIED) and queues the task
 *       like a wake; the executor thread then performs the cancel, so {@link Future#cancel()}
 *       always runs on the executor thread, like {@code poll}.</li>
 *   <li><b>Publication.</b> The task's other fields (future, outcome) are written only by the
 *       executor thread; the atomic write of COMPLETE publishes the outcome to joiners on
 *       other threads.</li>
 * </ul>
 *
 * <p>The word lives in the task object itself (subclassing instead of an AtomicInteger field)
 * so that a sleeping task costs one object, not two; for the same reason this class extends
 * {@link TimerNode}, so that a task whose body is a sleep is its own timer (see {@link Task}).
 */
abstract class TaskState extends TimerNode {

    static final int NOTIFIED = 1;
    static final int OWNED = 1 << 1;
    static final int CANCELLED = 1 << 2;
    static final int COMPLETE = 1 << 3;
    static final int FAILED = 1 << 4;
    static final int DETACHED = 1 << 5;

    /** The executor-private bit (see the table): held in {@code Executor.pollBits}, never in the word. */
    static final int SELF_WOKEN = 1 << 6;

    // One result type per transition, so that every switch over a result is exhaustive.

    /** What {@link #transitionToNotified} and {@link #transitionToCancelled} found. */
    enum ToNotified {
        /** The caller set NOTIFIED on an idle task and must put it in a run queue. */
        SUBMIT,
        /** Nothing for the caller to do (already notified, owned by the executor, or complete). */
        DO_NOTHING,
    }

    /** What {@link #transitionToRunning} found. */
    enum ToRunning {
        /** The task may be polled now. */
        POLL,
        /** The task must be cancelled now instead of polled. */
        CANCEL,
        /** The task completed while queued (close() cancelled it): nothing to run. */
        ALREADY_COMPLETE,
    }

    /** What {@link #transitionToIdle} found. */
    enum ToIdle {
        /** The task went idle; a later wake will submit it. */
        IDLE,
        /** The task was woken (or cancelled) while polled: the executor requeues it, still OWNED. */
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

    /**
     * A new task starts OWNED: the spawner queues it. (A plain write: the task is published to
     * other threads only through the queue or the returned handle, both of which order it.)
     */
    TaskState() {
        STATE.set(this, OWNED);
    }

    final int state() {
        return (int) STATE.getVolatile(this);
    }

    final boolean isComplete() {
        return (state() & COMPLETE) != 0;
    }

    /** wake(): any thread. SUBMIT means the caller must enqueue the task. */
    final ToNotified transitionToNotified() {
        int s = state();
        while (true) {
            if ((s & (NOTIFIED | COMPLETE)) != 0) {
                return ToNotified.DO_NOTHING;
            }
            int witness = (int) STATE.compareAndExchange(this, s, s | NOTIFIED);
            if (witness == s) {
                return (s & OWNED) != 0 ? ToNotified.DO_NOTHING : ToNotified.SUBMIT;
            }
            s = witness;
        }
    }

    /** cancel(): any thread. SUBMIT means the caller must enqueue the task so the executor cancels it. */
    final ToNotified transitionToCancelled() {
        int s = state();
        while (true) {
            if ((s & (COMPLETE | CANCELLED)) != 0) {
                return ToNotified.DO_NOTHING;
            }
            int witness = (int) STATE.compareAndExchange(this, s, s | CANCELLED | NOTIFIED);
            if (witness == s) {
                return (s & (OWNED | NOTIFIED)) != 0 ? ToNotified.DO_NOTHING : ToNotified.SUBMIT;
            }
            s = witness;
        }
    }

    /** Executor thread, on taking the task from a run queue. */
    final ToRunning transitionToRunning() {
        int s = state();
        if ((s & (NOTIFIED | CANCELLED | COMPLETE)) == 0 && (s & OWNED) != 0) {
            return ToRunning.POLL; // queued by the executor and untouched since: nothing to clear
        }
        while (true) {
            if ((s & COMPLETE) != 0) {
                return ToRunning.ALREADY_COMPLETE;
            }
            int witness = (int) STATE.compareAndExchange(this, s, (s & ~NOTIFIED) | OWNED);
            if (witness == s) {
                return (s & CANCELLED) != 0 ? ToRunning.CANCEL : ToRunning.POLL;
            }
            s = witness;
        }
    }

    /**
     * Executor thread, after a Pending poll: IDLE, or REQUEUE if woken (by itself, SELF_WOKEN in
     * {@code pollBits}, or by anyone, NOTIFIED) or cancelled meanwhile. A requeued task stays OWNED.
     */
    final ToIdle transitionToIdle(int pollBits) {
        if ((pollBits & SELF_WOKEN) != 0) {
            return ToIdle.REQUEUE;
        }
        int s = state();
        while (true) {
            if ((s & NOTIFIED) != 0) {
                return ToIdle.REQUEUE; // stays OWNED; toRunning clears NOTIFIED
            }
            int witness = (int) STATE.compareAndExchange(this, s, s & ~OWNED);
            if (witness == s) {
                return ToIdle.IDLE;
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
            int witness = (int) STATE.compareAndExchange(this, s, (s & ~(OWNED | NOTIFIED)) | add);
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

    /** A readable word for dumps and messages, e.g. "OWNED|NOTIFIED". */
    static String describeState(int s) {
        StringBuilder b = new StringBuilder();
        String[] names = {"NOTIFIED", "OWNED", "CANCELLED", "COMPLETE", "FAILED", "DETACHED", "SELF_WOKEN"};
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
