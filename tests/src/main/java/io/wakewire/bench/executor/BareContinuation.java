package io.wakewire.bench.executor;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The physical floor of the sequential layer: a bare {@code jdk.internal.vm.Continuation} whose
 * one-frame body yields forever, run (thawed) and yielded (frozen) once per operation, with
 * nothing else around it. Reached through method handles held in static finals (the tests module
 * is compiled with {@code --release 21}, which cannot name a non-exported package); the JIT
 * folds such handles into direct calls, so this is the mechanism's own cost.
 */
final class BareContinuation {

    private static final Object SCOPE;
    private static final MethodHandle NEW;
    private static final MethodHandle RUN;
    private static final MethodHandle YIELD;

    static {
        try {
            Class<?> cont = Class.forName("jdk.internal.vm.Continuation");
            Class<?> scope = Class.forName("jdk.internal.vm.ContinuationScope");
            MethodHandles.Lookup l = MethodHandles.lookup();
            SCOPE = l.findConstructor(scope, MethodType.methodType(void.class, String.class)).invoke("bare");
            NEW = l.findConstructor(cont, MethodType.methodType(void.class, scope, Runnable.class))
                    .asType(MethodType.methodType(Object.class, Object.class, Runnable.class));
            RUN = l.findVirtual(cont, "run", MethodType.methodType(void.class))
                    .asType(MethodType.methodType(void.class, Object.class));
            YIELD = l.findStatic(cont, "yield", MethodType.methodType(boolean.class, scope))
                    .asType(MethodType.methodType(boolean.class, Object.class));
        } catch (Throwable e) {
            throw new ExceptionInInitializerError("bare continuation needs --add-exports java.base/jdk.internal.vm=ALL-UNNAMED: " + e);
        }
    }

    private final Object continuation;

    BareContinuation() {
        try {
            continuation = (Object) NEW.invokeExact(SCOPE, (Runnable) BareContinuation::body);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one frame: yield, forever. */
    private static void body() {
        try {
            while (true) {
                boolean ignored = (boolean) YIELD.invokeExact(SCOPE);
            }
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Resume the body {@code n} times; each resume runs up to its next yield. */
    int run(int n) {
        try {
            for (int i = 0; i < n; i++) {
                RUN.invokeExact(continuation);
            }
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        return n;
    }
}
