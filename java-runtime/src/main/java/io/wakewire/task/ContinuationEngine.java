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

    /**
     * What a suspended body awaits when it is not a future it polled: shown by dumps, never polled.
     * A yield and the start of a sleep are carried out by poll() once the body has suspended.
     */
    private enum Marker implements Future<Void> {
        /** Let the others run: the task is woken once the body has suspended. */
        YIELDING("yieldNow"),
        /** Sleep on the task's own timer for the duration in its deadlineTick (started by poll()). */
        SLEEP_FOR("sleep(task's own timer, starting)"),
        /** Sleep on the task's own timer until the deadline in its deadlineTick (started by poll()). */
        SLEEP_UNTIL("sleepUntil(task's own timer, starting)"),
        /** Asleep on the task's own timer. */
        ON_TASK_TIMER("sleep(task's own timer)");

        private final String description;

        Marker(String description) {
            this.description = description;
        }

        @Override
        public Poll<Void> poll(Context cx) {
            throw new IllegalStateException("never polled: a marker");
        }

        @Override
        public String describe() {
            return description;
        }
    }

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
            // What the body asked for on its way out, done here, outside its frames (see await)
            while ((awaiting == Marker.SLEEP_FOR || awaiting == Marker.SLEEP_UNTIL) && !startTaskTimer()) {
                resume(); // already due: the body goes on at once
            }
            if (awaiting == Marker.YIELDING) {
                cx.waker().wake();
            }
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
                // A yield of the task's own body when nothing else is waiting: the executor would
                // poll the task again at once (Task.pollFuture), so go on here without the round
                // trip through it. Anything else (a sibling in a combinator, a wake, a timer check
                // due) and the yield is a real one.
                while (awaiting == Marker.YIELDING && onExecutor && cx instanceof Task<?> t && t.continuesAtOnce(this)) {
                    RUN.invokeExact(continuation);
                }
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
         * The await path is kept flat and small on purpose: whatever frames lie between the body's
         * code and Continuation.yield are copied into the StackChunk at every suspension (heap per
         * sleeping body) and copied back at every resume (time per await), and all of it is
         * compiled into the one method that enters the continuation. So a yield or a sleep only
         * says what it waits for and suspends; the wake and the timer insertion happen in poll(),
         * after the continuation has given control back. Code that rarely changes path there (a
         * timer wheel's levels) cannot deoptimise the frames the body sleeps in.
         */
        @Override
        <U> U await(Future<U> f) {
            if (cancelled) {
                throw cancelledException();
            }
            if (f instanceof YieldNow y && !y.yielded) {
                // "Let the others run": poll() wakes our task once we have suspended; the YieldNow
                // is never polled (so it never escapes and costs no allocation once inlined).
                y.yielded = true;
                awaiting = Marker.YIELDING;
                suspend();
                return null;
            }
            if (f instanceof Sleep s && s.phase == Sleep.NEW && cx instanceof Task<?> t && !t.isScheduled()) {
                // Asleep on the task's own timer, which poll() starts: the duration (or deadline)
                // waits in the task's deadlineTick, as a spawned sleep's does. Any wake before the
                // deadline is spurious. The Sleep is only read, so it need not be allocated at all.
                s.phase = Sleep.FIRED;
                t.deadlineTick = s.nanos;
                awaiting = s.absolute ? Marker.SLEEP_UNTIL : Marker.SLEEP_FOR;
                suspend();
                while (((Task<?>) cx).isScheduled()) { // cx, not t: one value fewer kept across the yield
                    awaiting = Marker.ON_TASK_TIMER;
                    suspend();
                }
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

        /** Start the timer a sleeping body asked for; false if it is already due. */
        private boolean startTaskTimer() {
            Task<?> t = (Task<?>) cx;
            Executor ex = t.executor();
            long deadline = awaiting == Marker.SLEEP_UNTIL ? t.deadlineTick : Sleep.saturatedAdd(ex.nanoTime(), t.deadlineTick);
            awaiting = Marker.ON_TASK_TIMER;
            return ex.scheduleTimer(t, deadline);
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
            if (awaiting == Marker.ON_TASK_TIMER && cx instanceof Task<?> t && t.isScheduled()) {
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
