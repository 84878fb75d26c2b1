package io.wakewire.task;

/**
 * One spawned future and everything the executor needs to drive it. The task is its own
 * {@link Waker} (waking allocates nothing: it flips a bit in the state word and, at most once
 * per poll, links the task into a run queue), its own {@link Context} (the poll argument), and
 * its own {@link JoinHandle} — so spawning allocates exactly this one object.
 *
 * <p>A task spawned on a fresh {@link Futures#sleep} (or {@code sleepUntil}) takes the sleep over
 * and is its own timer-wheel node ({@link TimerNode}): a sleeping future-style task is then one
 * 64-byte object, where the Sleep it was given is dropped. The spawned Sleep belongs to the task
 * from then on (as any spawned future does); poll or cancel it only through the handle.
 *
 * <p>Lifecycle changes go through {@link TaskState}'s transitions; see there for who owns which
 * bit. Fields below say which thread writes them.
 */
final class Task<T> extends TaskState implements JoinHandle<T>, Waker, Context {

    /** Fixed at spawn. */
    private final Executor executor;
    /** Fixed at spawn; may be null (then the dump shows the identity hash). */
    private final String name;
    /**
     * The future until the task completes, then the outcome (value, Throwable or {@link Cancelled}):
     * one field for both keeps the task at 64 bytes. Executor thread only; the outcome is written
     * before the COMPLETE bit, which publishes it.
     */
    private Object body;
    /** The single joiner's waker; any joining thread writes, the completing executor thread reads. */
    private volatile Waker joinWaker;

    /** Link in the cross-thread wake stack; written by the pushing thread before it publishes the task. */
    Task<?> remoteNext;
    /** Links in the executor's list of live tasks (for dump and close); executor thread only. */
    Task<?> liveNext;
    Task<?> livePrev;
    Task(Executor executor, String name, Future<T> future) {
        this.executor = executor;
        this.name = name;
        if (future instanceof Sleep s && s.phase == Sleep.NEW) {
            // Take the sleep over: its duration waits in deadlineTick until the first poll.
            deadlineTick = s.nanos;
            this.body = s.absolute ? TaskTimer.ABSOLUTE : TaskTimer.RELATIVE;
        } else {
            this.body = future;
        }
    }

    @SuppressWarnings("unchecked")
    private Future<T> future() {
        return (Future<T>) body;
    }

    /** The task's own timer (a sleep it took over) is due: poll it, which completes it. */
    @Override
    void expire() {
        wake();
    }

    /** The body of a task that took a sleep over; polled with the task itself as the context. */
    private enum TaskTimer implements Future<Object> {
        RELATIVE, ABSOLUTE, WAITING;

        @Override
        public Poll<Object> poll(Context cx) {
            Task<?> t = (Task<?>) cx;
            if (this == WAITING) {
                return t.isScheduled() ? Poll.pending() : Poll.ready(null);
            }
            Executor ex = t.executor;
            long deadline = this == ABSOLUTE ? t.deadlineTick : Sleep.saturatedAdd(ex.nanoTime(), t.deadlineTick);
            t.body = WAITING;
            return ex.scheduleTimer(t, deadline) ? Poll.pending() : Poll.ready(null);
        }

        @Override
        public String describe() {
            return this == WAITING ? "sleep(task's own timer)" : "sleep(not started)";
        }
    }

    // ---- Context ---------------------------------------------------------------------------

    @Override
    public Waker waker() {
        return this;
    }

    @Override
    public Executor executor() {
        return executor;
    }

    // ---- Waker -----------------------------------------------------------------------------

    @Override
    public void wake() {
        Executor ex = executor;
        if (ex.polling == this && ex.isOwnerThread()) {
            ex.pollBits |= SELF_WOKEN; // woken by its own poll: no atomic needed, see TaskState
            return;
        }
        if (transitionToNotified() == ToNotified.SUBMIT) {
            executor.schedule(this);
        }
    }

    // ---- driven by the executor thread -----------------------------------------------------

    /**
     * Whether this task, being polled and pending again, may be polled again at once rather than at
     * the next turn: nothing woke it from another thread or cancelled it, and the executor has
     * nothing else to run and no timer check due ({@link Executor#mayRepollAlone}, which then
     * counts the poll). Executor thread, during this task's poll.
     */
    boolean repollsAtOnce() {
        return (state() & NOTIFIED) == 0 && executor.mayRepollAlone();
    }

    /**
     * Whether {@code f}, this task's own future, may go on at once after a yield without returning
     * here: the same as {@link #repollsAtOnce} after a self-wake, when the self-wake is the only
     * one (nothing else this task awaits was woken meanwhile).
     */
    boolean continuesAtOnce(Future<?> f) {
        return body == f && executor.polling == this && executor.pollBits == 0 && repollsAtOnce();
    }

    /** Take one step: poll once, or perform a pending cancellation. */
    void run() {
        switch (transitionToRunning()) {
            case POLL -> pollFuture();
            case CANCEL -> cancelNow();
            case ALREADY_COMPLETE -> { } // cancelled and completed by close() while queued
        }
    }

    /** Poll the task's future once (the executor's side; {@link #poll(Context)} is the joiner's). */
    private void pollFuture() {
        Executor ex = executor;
        Poll<T> p;
        ex.polling = this;
        ex.pollBits = 0;
        try {
            p = future().poll(this);
            // A task that woke itself and has nobody waiting behind it (no queued task, no
            // cross-thread wake, no timer check due, no cancel) is polled again at once: the next
            // turn would do just that, so it is skipped (a lone `await(yieldNow())` loop pays no turn).
            while (ex.pollBits == SELF_WOKEN && p.isPending() && repollsAtOnce()) {
                ex.pollBits = 0;
                p = future().poll(this);
            }
        } catch (Throwable t) {
            ex.polling = null;
            Future<T> f = future();
            completeFailed(t);
            releaseQuietly(f, t);
            return;
        }
        ex.polling = null;
        if (p.isReady()) {
            this.body = p.value();
            finish(transitionToComplete(false, false));
        } else if (transitionToIdle(ex.pollBits) == ToIdle.REQUEUE) {
            ex.requeue(this);
        }
    }

    /**
     * The outcome of a cancelled task. No exception is built at cancel time (a stack trace costs
     * microseconds, and close() may cancel a million tasks); each joiner gets a fresh one.
     */
    private static final class Cancelled {
        static final Cancelled PLAIN = new Cancelled(null);
        /** What the future's own cancel() threw, if anything. */
        final Throwable problem;

        Cancelled(Throwable problem) {
            this.problem = problem;
        }
    }

    /** Cancel the awaited future (recursively) and finish as cancelled. Executor thread. */
    void cancelNow() {
        Future<T> f = future();
        Throwable problem = null;
        if (isScheduled()) {
            executor.cancelTimer(this); // its own timer (a sleep it took over)
        }
        try {
            f.cancel();
        } catch (Throwable t) {
            problem = t;
        }
        this.body = problem == null ? Cancelled.PLAIN : new Cancelled(problem);
        finish(transitionToComplete(true, true));
    }

    private void completeFailed(Throwable t) {
        this.body = t;
        finish(transitionToComplete(true, false));
    }

    /** After the COMPLETE transition (the future already replaced by the outcome): leave the live list, wake the joiner. */
    private void finish(int previousState) {
        assert (previousState & COMPLETE) == 0 : "completed twice";
        executor.retire(this);
        Waker w = joinWaker;
        if (w != null) {
            joinWaker = null;
            w.wake();
        }
    }

    /** A future whose poll threw may still hold timers or waiter slots: release them. */
    private static void releaseQuietly(Future<?> f, Throwable failure) {
        try {
            f.cancel();
        } catch (Throwable t) {
            failure.addSuppressed(t);
        }
    }

    // ---- JoinHandle -------------------------------------------------------------------------

    /** The joiner's poll: the task's outcome once complete (the executor drives the task with {@link #pollFuture}). */
    @Override
    public Poll<T> poll(Context cx) {
        if (!isComplete()) {
            joinWaker = cx.waker();
            if (!isComplete()) {
                return Poll.pending();
            }
            joinWaker = null;
        }
        return Poll.ready(outcomeOrThrow());
    }

    /** The value, or the failure as the joiner sees it. Only after COMPLETE. */
    @SuppressWarnings("unchecked")
    T outcomeOrThrow() {
        int s = state();
        Object outcome = body;
        if ((s & FAILED) == 0) {
            return (T) outcome;
        }
        if (outcome instanceof Cancelled c) {
            TaskCancelledException e = new TaskCancelledException("task '" + name() + "' was cancelled");
            if (c.problem != null) {
                e.addSuppressed(c.problem);
            }
            throw e;
        }
        throw new TaskFailedException(name(), (Throwable) outcome);
    }

    /** The raw outcome for blockOn, which rethrows the task's own exception unwrapped. */
    Object rawOutcome() {
        return body;
    }

    boolean failed() {
        return (state() & FAILED) != 0;
    }

    @Override
    public void cancel() {
        if ((state() & DETACHED) != 0) {
            return;
        }
        cancelTask();
    }

    /** Cancel regardless of detachment (close, scopes of the executor itself). */
    void cancelTask() {
        if (transitionToCancelled() == ToNotified.SUBMIT) {
            executor.schedule(this);
        }
    }

    @Override
    public void detach() {
        transitionToDetached();
    }

    @Override
    public boolean isDone() {
        return isComplete();
    }

    @Override
    public String name() {
        return name != null ? name : "task@" + Integer.toHexString(System.identityHashCode(this));
    }

    @Override
    public String describe() {
        return "join(" + name() + ")";
    }

    /** One line for Executor.dump(): name, state, and what the task awaits. Racy from other threads. */
    String dumpLine() {
        Object b = body;
        String awaits;
        try {
            awaits = isComplete() || !(b instanceof Future<?> f) ? "-" : f.describe();
        } catch (RuntimeException e) {
            awaits = "<describe() threw " + e + ">";
        }
        return name() + " [" + describeState(state()) + "] awaits " + awaits;
    }

    @Override
    public String toString() {
        return "Task(" + name() + ", " + describeState(state()) + ")";
    }
}
