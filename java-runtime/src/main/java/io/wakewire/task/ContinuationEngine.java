package io.wakewire.task;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The fast async engine: each body runs inside a {@code jdk.internal.vm.Continuation} on the
 * executor's own thread; {@code await} yields the continuation and the next poll resumes it.
 * An {@code await(yieldNow())} costs about 1.1x the JDK's own bare continuation yield + run
 * (async_yield_cpu_ratio of {@code make bench-executor}; README's executor table) and there is
 * no second thread at all, so the one-body-at-a-time semantics are literal.
 *
 * <p>Requires {@code --add-exports java.base/jdk.internal.vm=ALL-UNNAMED} (or
 * {@code Add-Exports: java.base/jdk.internal.vm} in an executable jar's manifest). Availability
 * is checked with {@link Module#isExported(String, Module)}; the class is reached through
 * ordinary method handles on its public members, no reflection into private state. Limits: a
 * body cannot suspend while a native frame is on its stack (and, before JDK 24, while it holds a
 * monitor): {@code await} then fails with a clear message instead of blocking.
 */
final class ContinuationEngine implements AsyncEngine {

    private static final String PACKAGE = "jdk.internal.vm";
    private static final Handles HANDLES = Handles.resolve();

    static boolean available() {
        return HANDLES != null;
    }

    /** Why not available, for error messages. */
    static String unavailableReason() {
        return "jdk.internal.vm is not exported to " + ContinuationEngine.class.getModule()
                + "; run java with --add-exports java.base/jdk.internal.vm=ALL-UNNAMED";
    }

    ContinuationEngine() {
        if (HANDLES == null) {
            throw new UnsupportedOperationException("continuation engine unavailable: " + unavailableReason());
        }
    }

    @Override
    public String name() {
        return "continuation";
    }

    @Override
    public <T> Future<T> async(Async.Body<T> body) {
        return new Body<>(body);
    }

    /** The method handles, typed with Object so that call sites need no compile-time access. */
    private record Handles(Object scope, MethodHandle newContinuation, MethodHandle run,
                           MethodHandle yield, MethodHandle isDone) {

        static Handles resolve() {
            try {
                if (!Object.class.getModule().isExported(PACKAGE, ContinuationEngine.class.getModule())) {
                    return null;
                }
                Class<?> contClass = Class.forName(PACKAGE + ".Continuation");
                Class<?> scopeClass = Class.forName(PACKAGE + ".ContinuationScope");
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                Object scope = lookup.findConstructor(scopeClass, MethodType.methodType(void.class, String.class))
                        .invoke("wakewire-async");
                MethodHandle newCont = lookup.findConstructor(contClass,
                                MethodType.methodType(void.class, scopeClass, Runnable.class))
                        .asType(MethodType.methodType(Object.class, Object.class, Runnable.class));
                MethodHandle run = lookup.findVirtual(contClass, "run", MethodType.methodType(void.class))
                        .asType(MethodType.methodType(void.class, Object.class));
                MethodHandle yield = lookup.findStatic(contClass, "yield",
                                MethodType.methodType(boolean.class, scopeClass))
                        .asType(MethodType.methodType(boolean.class, Object.class));
                MethodHandle isDone = lookup.findVirtual(contClass, "isDone", MethodType.methodType(boolean.class))
                        .asType(MethodType.methodType(boolean.class, Object.class));
                return new Handles(scope, newCont, run, yield, isDone);
            } catch (Throwable e) {
                return null; // a JDK without the class or with a different shape: use the fallback
            }
        }
    }

    private static final Object SCOPE = HANDLES == null ? null : HANDLES.scope();
    private static final MethodHandle NEW = HANDLES == null ? null : HANDLES.newContinuation();
    private static final MethodHandle RUN = HANDLES == null ? null : HANDLES.run();
    private static final MethodHandle YIELD = HANDLES == null ? null : HANDLES.yield();

    /** What a body asleep on its task's own timer awaits, for dumps. */
    private static final Future<Void> ON_TASK_TIMER = new Future<>() {
        @Override
        public Poll<Void> poll(Context cx) {
            throw new IllegalStateException("never polled: a marker");
        }

        @Override
        public String describe() {
            return "sleep(task's own timer)";
        }
    };

    /**
     * What a yielding body awaits, for dumps: a shared marker rather than the YieldNow itself,
     * so that the YieldNow never escapes and costs no allocation once the body is compiled.
     */
    private static final Future<Void> YIELDING = new Future<>() {
        @Override
        public Poll<Void> poll(Context cx) {
            throw new IllegalStateException("never polled: a marker");
        }

        @Override
        public String describe() {
            return "yieldNow";
        }
    };

    /** One body: the continuation, created at the first poll. */
    private static final class Body<T> extends SuspendableBody<T> implements Runnable {

        private Object continuation;
        private boolean mounted;

        Body(Async.Body<T> body) {
            super(body);
        }

        @Override
        public void run() {
            runBody();
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
            if (continuation == null) {
                try {
                    continuation = (Object) NEW.invokeExact(SCOPE, (Runnable) this);
                } catch (Throwable e) {
                    throw new IllegalStateException("could not create a continuation", e);
                }
            }
            resume();
            return done ? outcome() : Poll.pending();
        }

        /**
         * Mount the continuation. The running body is named for {@code Async.await} in a field of
         * the executor (a ThreadLocal set and restored on every resume cost more than the rest of
         * the switch); only a poll from outside an executor thread (a test's own Context) uses
         * the ThreadLocal.
         */
        private void resume() {
            Executor ex = cx.executor();
            boolean onExecutor = ex != null && ex.isOwnerThread();
            SuspendableBody<?> previous = onExecutor ? ex.runningBody : CURRENT.get();
            if (onExecutor) {
                ex.runningBody = this;
            } else {
                CURRENT.set(this);
            }
            mounted = true;
            try {
                RUN.invokeExact(continuation);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            } finally {
                mounted = false;
                if (onExecutor) {
                    ex.runningBody = previous;
                } else {
                    CURRENT.set(previous);
                }
            }
        }

        /*
         * The await path is kept flat on purpose: whatever frames lie between the body's code and
         * Continuation.yield are copied into the StackChunk at every suspension (heap per sleeping
         * body) and copied back at every resume (time per await). So the three cases share one
         * small suspend(), and the work before suspending happens in helpers that have returned
         * by then.
         */
        @Override
        <U> U await(Future<U> f) {
            if (cancelled) {
                throw cancelledException();
            }
            if (f instanceof YieldNow y && !y.yielded) {
                // "Let the others run": wake our task and suspend, without polling the YieldNow
                // (which then never escapes and costs no allocation once inlined).
                y.yielded = true;
                cx.waker().wake();
                awaiting = YIELDING;
                suspend();
                return null;
            }
            if (f instanceof Sleep s && startTaskTimer(s)) {
                // Asleep on the task's own timer; any wake before the deadline is spurious.
                awaiting = ON_TASK_TIMER;
                do {
                    suspend();
                    awaiting = ON_TASK_TIMER;
                } while (((Task<?>) cx).isScheduled());
                awaiting = null;
                return null;
            }
            while (true) {
                Poll<U> p = f.poll(cx);
                if (p.isReady()) {
                    return p.value();
                }
                awaiting = f;
                suspend();
            }
        }

        /**
         * {@code await(sleep(d))} on the task's own timer node (a task carries one, see
         * {@link Task}) instead of the Sleep's: the Sleep is only read, so once the body is
         * compiled it need not be allocated at all. True if the timer is now pending; false if
         * this is not such a sleep (or it is already due).
         */
        private boolean startTaskTimer(Sleep s) {
            if (s.phase != Sleep.NEW || !(cx instanceof Task<?> t) || t.isScheduled()) {
                return false;
            }
            Executor ex = t.executor();
            long deadline = s.absolute ? s.nanos : Sleep.saturatedAdd(ex.nanoTime(), s.nanos);
            s.phase = Sleep.FIRED; // taken over: the Sleep itself never holds a timer
            return ex.scheduleTimer(t, deadline); // false: already due, and the FIRED sleep polls ready
        }

        /** Yield the continuation; back here at the next resume. Throws if the body was cancelled meanwhile. */
        private void suspend() {
            boolean yielded;
            try {
                yielded = (boolean) YIELD.invokeExact(SCOPE);
            } catch (Throwable e) {
                throw pinned(e);
            }
            awaiting = null;
            if (!yielded) {
                throw pinned(null);
            }
            if (cancelled) {
                throw cancelledException();
            }
        }

        private static RuntimeException pinned(Throwable e) {
            if (e instanceof IllegalStateException) {
                return new IllegalStateException("Async.await cannot suspend here: the body is inside a native"
                        + " call or holds a monitor (pinned continuation): " + e.getMessage(), e);
            }
            if (e instanceof RuntimeException r) {
                return r;
            }
            if (e instanceof Error err) {
                throw err;
            }
            return e != null ? new IllegalStateException(e)
                    : new IllegalStateException("Async.await could not suspend the body (pinned continuation)");
        }

        @Override
        void releaseCarrierTimer() {
            if (awaiting == ON_TASK_TIMER && cx instanceof Task<?> t && t.isScheduled()) {
                t.executor().cancelTimer(t);
            }
        }

        @Override
        boolean started() {
            return continuation != null;
        }

        @Override
        boolean runningNow() {
            return mounted;
        }

        @Override
        void unwind() {
            resume();
        }
    }
}
