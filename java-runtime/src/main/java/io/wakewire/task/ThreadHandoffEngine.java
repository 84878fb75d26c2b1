package io.wakewire.task;

import java.util.concurrent.locks.LockSupport;

/**
 * The stock-JVM async engine: each body runs on its own virtual thread, and a baton passes
 * between that thread and the executor thread so that exactly one of them runs at a time.
 * {@code await(f)} hands {@code f} to the executor thread (which polls it, as it polls every
 * future) and parks the body until {@code f} is ready; the cooperative semantics are the same as
 * the continuation engine's, only the carrier differs.
 *
 * <p>Cost: each await is two thread hand-offs: 0.6 µs on a quiet machine to tens of µs under
 * load, with the executor on a platform thread (await_switch_handoff_ns of
 * {@code make bench-executor}; README's executor table), against about 0.1 µs for the
 * continuation engine.
 * A short spin before parking catches quick hand-backs; on a loaded machine, where the other
 * thread is not running, a hand-off waits for the scheduler and costs far more. Other consequences: the body's code runs on another
 * thread than the executor (so thread identity checks and ThreadLocals differ; use
 * {@link Async#context()}), each suspended body holds a parked virtual thread (about 1 KB plus
 * its stack), and a body abandoned without cancel keeps its virtual thread parked forever.
 */
final class ThreadHandoffEngine implements AsyncEngine {

    @Override
    public String name() {
        return "thread-handoff";
    }

    @Override
    public <T> Future<T> async(Async.Body<T> body) {
        return new Body<>(body);
    }

    private static final class Body<T> extends SuspendableBody<T> implements Runnable {

        private static final int EXECUTOR = 0;
        private static final int BODY = 1;
        private static final int SPINS = 200;

        /** Whose turn it is; the volatile write that passes the baton publishes everything before it. */
        private volatile int turn = EXECUTOR;
        private Thread bodyThread;
        private Thread executorThread;
        private Object awaitValue;
        private Throwable awaitFailure;

        Body(Async.Body<T> body) {
            super(body);
        }

        @Override
        public void run() {
            CURRENT.set(this);
            awaitTurn(BODY);
            runBody();
            Thread waiting = executorThread;
            turn = EXECUTOR;
            LockSupport.unpark(waiting);
        }

        @Override
        public Poll<T> poll(Context cx) {
            if (done) {
                return outcome();
            }
            if (cancelled) {
                throw cancelledException();
            }
            this.cx = cx;
            if (bodyThread == null) {
                bodyThread = Thread.ofVirtual().name("async-body").unstarted(this);
                bodyThread.start();
                passTo(BODY);
            }
            while (!done) {
                Future<?> f = awaiting;
                Poll<?> p;
                try {
                    p = f.poll(cx);
                } catch (Throwable t) {
                    awaiting = null;
                    awaitFailure = t;
                    passTo(BODY);
                    continue;
                }
                if (p.isPending()) {
                    return Poll.pending();
                }
                awaiting = null;
                awaitValue = p.value();
                passTo(BODY);
            }
            return outcome();
        }

        /** Executor side: give the baton to the body and wait until it comes back. */
        private void passTo(int who) {
            executorThread = Thread.currentThread();
            turn = who;
            LockSupport.unpark(bodyThread);
            awaitTurn(EXECUTOR);
        }

        private void awaitTurn(int mine) {
            // Spinning pays only when the other side runs on another core: with the executor on
            // a virtual thread both sides may share one carrier, and a spin would just delay it.
            Thread ex = executorThread;
            int spins = ex != null && !ex.isVirtual() ? SPINS : 0;
            for (int i = 0; i < spins && turn != mine; i++) {
                Thread.onSpinWait();
            }
            while (turn != mine) {
                LockSupport.park(this);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        <U> U await(Future<U> f) {
            if (cancelled) {
                throw cancelledException();
            }
            awaiting = f;
            Thread waiting = executorThread;
            turn = EXECUTOR;
            LockSupport.unpark(waiting);
            awaitTurn(BODY);
            if (cancelled) {
                throw cancelledException();
            }
            Throwable t = awaitFailure;
            if (t != null) {
                awaitFailure = null;
                throw Sneaky.rethrow(t);
            }
            Object v = awaitValue;
            awaitValue = null;
            return (U) v;
        }

        @Override
        boolean started() {
            return bodyThread != null;
        }

        @Override
        boolean runningNow() {
            return Thread.currentThread() == bodyThread;
        }

        @Override
        void unwind() {
            passTo(BODY);
        }
    }
}
