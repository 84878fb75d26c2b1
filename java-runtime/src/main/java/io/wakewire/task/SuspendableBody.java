package io.wakewire.task;

/**
 * The future side of one {@code Async.async} body, shared by both engines: it runs the body,
 * lets the body {@link #await} futures, and reports the body's value or failure as its own.
 *
 * <p>{@link #current()} finds the body whose code is running on this thread, so that the static
 * {@code Async.await} needs no parameter: with the continuation engine it is the executor's
 * {@code runningBody} field (set and restored around each resume, so nested bodies work; no
 * ThreadLocal write per switch), with the hand-off engine the body's own virtual thread's
 * {@link #CURRENT}.
 */
abstract class SuspendableBody<T> implements Future<T> {

    static final ThreadLocal<SuspendableBody<?>> CURRENT = new ThreadLocal<>();

    /** The body running on this thread, or null. */
    static SuspendableBody<?> current() {
        Executor ex = Executor.current();
        SuspendableBody<?> b = ex == null ? null : ex.runningBody;
        return b != null ? b : CURRENT.get();
    }

    /*
     * Four fields and three flags, so that the continuation engine's body (plus its continuation
     * field and mounted flag) is one 32-byte object: part of what a sleeping async task costs.
     */
    /** The context of the poll in progress (what awaited futures are polled with). */
    Context cx;
    /** What the body waits on now; null while it runs. */
    Future<?> awaiting;
    /**
     * The {@link Async.Body} until it starts (it is needed only once, and the slot is free until
     * the end), then the value, or the Throwable if {@link #failed}.
     */
    private Object outcome;
    boolean cancelled;
    /** Written by the body's code path, read after it gives control back. */
    boolean done;
    private boolean failed;

    SuspendableBody(Async.Body<T> body) {
        if (body == null) {
            throw new IllegalArgumentException("Async.async: body is null");
        }
        this.outcome = body;
    }

    /** Suspend the body until {@code f} is ready; called on the body's code path only. */
    abstract <U> U await(Future<U> f);

    /** The context of the current poll, for code inside the body. */
    Context context() {
        return cx;
    }

    /** The body's entry, whatever carries it: run, record, mark done. */
    @SuppressWarnings("unchecked")
    final void runBody() {
        Async.Body<T> body = (Async.Body<T>) outcome;
        outcome = null;
        try {
            outcome = body.run();
        } catch (Throwable t) {
            fail(t);
        }
        done = true;
        awaiting = null;
    }

    private void fail(Throwable t) {
        outcome = t;
        failed = true;
    }

    @SuppressWarnings("unchecked")
    final Poll<T> outcome() {
        if (failed) {
            throw Sneaky.rethrow((Throwable) outcome);
        }
        return Poll.ready((T) outcome);
    }

    /**
     * Cancel, the same way for both engines: mark, cancel what the body awaits (recursively), then
     * let the body unwind (its pending {@code await} throws {@link TaskCancelledException}, so its
     * {@code finally} blocks run). A body never started just completes as cancelled; a body that
     * cancels itself finds out at its next {@code await}. The engines supply only the steps that
     * depend on the carrier.
     */
    @Override
    public final void cancel() {
        if (done || cancelled) {
            return;
        }
        releaseCarrierTimer();
        cancelled = true;
        Future<?> f = awaiting;
        awaiting = null;
        if (f != null) {
            f.cancel();
        }
        if (!started()) {
            done = true;
            fail(cancelledException());
            return;
        }
        if (runningNow()) {
            return; // cancelled from inside itself: its next await throws
        }
        unwind();
    }

    /** Give back a timer the engine holds for the awaiting body outside {@link #awaiting} (none by default). */
    void releaseCarrierTimer() {
    }

    /** Whether the body has begun (its carrier exists). */
    abstract boolean started();

    /** Whether the calling code is the body's own (a cancel from inside the body). */
    abstract boolean runningNow();

    /** Resume the suspended body once so that its pending await throws and it runs to its end. */
    abstract void unwind();

    final TaskCancelledException cancelledException() {
        return new TaskCancelledException("async body cancelled while awaiting");
    }

    @Override
    public String describe() {
        Future<?> f = awaiting;
        if (done) {
            return "async(done)";
        }
        return f == null ? "async(not started)" : "async(awaits " + f.describe() + ")";
    }
}
