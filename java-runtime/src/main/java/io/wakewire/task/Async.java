package io.wakewire.task;

/**
 * The sequential layer: write a task body top to bottom and suspend it with {@link #await}.
 *
 * <pre>{@code
 * Future<String> greet = Async.async(() -> {
 *     Async.await(Futures.sleep(Duration.ofMillis(10)));
 *     String name = Async.await(names.recv());
 *     return "hello " + name;
 * });
 * executor.spawn("greeter", greet);
 * }</pre>
 *
 * <p>Semantics are cooperative, as with hand-written futures: one body runs at a time on the
 * executor, and it gives control away only inside {@code await}. A body's failure is the
 * future's failure; cancelling the future cancels what the body awaits (recursively) and makes
 * the pending {@code await} throw {@link TaskCancelledException}, so {@code finally} blocks run.
 *
 * <p><b>Failures through {@code await}.</b> {@code await} throws the awaited future's failure
 * itself, never a wrapper: a {@code RuntimeException} or {@code Error} as is, and a checked
 * exception (an {@code IOException} from {@link Futures#blocking}) as is too, although
 * {@code await} does not declare it. A body ({@link Body#run} {@code throws Exception}) lets it
 * propagate with no code at all. To catch a checked one by type, name it, so that the compiler
 * allows the {@code catch}:
 * <pre>{@code
 * try {
 *     String text = Async.await(Futures.blocking(() -> Files.readString(path)), IOException.class);
 * } catch (IOException e) {
 *     ...
 * }
 * }</pre>
 * (Without the class, {@code catch (Exception e)} with {@code instanceof} also works.) At a task
 * boundary the failure is wrapped once: a joiner gets {@link TaskFailedException} whose cause is
 * the original, and {@link Executor#blockOn} rethrows unchecked ones as they are and wraps
 * checked ones in {@link TaskFailedException}.
 *
 * <p>Never block inside a body (Thread.sleep, blocking I/O): the executor thread waits with it
 * and every other task stops. Await a future instead.
 *
 * <p><b>Engine</b>, chosen once per JVM when this class loads, by the system property
 * {@code wakewire.async.engine}:
 * <ul>
 *   <li>{@code continuation}: {@code jdk.internal.vm.Continuation} on the executor thread,
 *       about 1.1x a bare JDK continuation per await ({@code make bench-executor}). Needs {@code --add-exports java.base/jdk.internal.vm=ALL-UNNAMED};
 *       asking for it without the flag fails at the first {@code async} with a message saying so.</li>
 *   <li>{@code thread-handoff}: a virtual thread per body and a baton hand-off, any JVM, microseconds
 *       per await, very load-dependent ({@code make bench-executor}; see {@link ThreadHandoffEngine}).</li>
 *   <li>unset or {@code auto}: continuation when the export is in effect, else thread-handoff.</li>
 * </ul>
 * Both engines can also be used explicitly through {@link AsyncEngine}.
 */
public final class Async {

    /** A body: sequential code that may call {@link Async#await}. May throw anything. */
    @FunctionalInterface
    public interface Body<T> {
        T run() throws Exception;
    }

    /** A body without a value. */
    @FunctionalInterface
    public interface VoidBody {
        void run() throws Exception;
    }

    /** The property that picks the engine. */
    public static final String ENGINE_PROPERTY = "wakewire.async.engine";

    private static final AsyncEngine ENGINE = choose(System.getProperty(ENGINE_PROPERTY), AsyncEngine.continuationsAvailable());

    private Async() {
    }

    /** A future running {@code body}; spawn it or await it. Nothing runs before its first poll. */
    public static <T> Future<T> async(Body<T> body) {
        return ENGINE.async(body);
    }

    /** {@link #async(Body)} for a body with no value (completes with null). */
    public static Future<Void> run(VoidBody body) {
        if (body == null) {
            throw new IllegalArgumentException("Async.run: body is null");
        }
        return ENGINE.async(() -> {
            body.run();
            return null;
        });
    }

    /**
     * Suspend the calling body until {@code future} is ready and return its value (or throw its
     * failure). Only inside an {@code async} body: anywhere else it throws
     * {@link IllegalStateException}.
     */
    public static <T> T await(Future<T> future) {
        SuspendableBody<?> body = SuspendableBody.current();
        if (body == null || body.done) {
            throw new IllegalStateException("Async.await() called outside an Async.async body: inside a"
                    + " hand-written Future use poll(cx); from plain code use executor.blockOn(future)");
        }
        if (future == null) {
            throw new IllegalArgumentException("Async.await: future is null");
        }
        return body.await(future);
    }

    /**
     * {@link #await(Future)} that declares the checked exception {@code failure}, so that a
     * caller can catch it by type (see the class comment). The class is only a compile-time
     * name: whatever the future throws is thrown unchanged, whether it is of that type or not.
     */
    public static <T, X extends Exception> T await(Future<T> future, Class<X> failure) throws X {
        if (failure == null) {
            throw new IllegalArgumentException("Async.await: failure class is null");
        }
        return await(future);
    }

    /** The Context of the task running the calling body (its waker and executor). */
    public static Context context() {
        SuspendableBody<?> body = SuspendableBody.current();
        if (body == null || body.context() == null) {
            throw new IllegalStateException("Async.context() called outside an Async.async body");
        }
        return body.context();
    }

    /** Spawn from inside a body onto the body's own executor. */
    public static <T> JoinHandle<T> spawn(String name, Future<T> future) {
        return Executor.of(context(), "Async.spawn").spawn(name, future);
    }

    /** The engine this JVM uses. */
    public static AsyncEngine engine() {
        return ENGINE;
    }

    /** The selection rule, separate so that it can be tested without starting JVMs. */
    static AsyncEngine choose(String property, boolean continuationsAvailable) {
        String p = property == null ? "auto" : property.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (p) {
            case "auto", "" -> continuationsAvailable ? new ContinuationEngine() : new ThreadHandoffEngine();
            case "continuation" -> continuationsAvailable ? new ContinuationEngine()
                    : new RefusingEngine("continuation (unavailable)", () -> new UnsupportedOperationException(
                            ENGINE_PROPERTY + "=continuation but " + ContinuationEngine.unavailableReason()));
            case "thread-handoff", "handoff" -> new ThreadHandoffEngine();
            default -> new RefusingEngine("invalid", () -> new IllegalArgumentException("system property "
                    + ENGINE_PROPERTY + "='" + property + "' is not one of: auto, continuation, thread-handoff"));
        };
    }

    /**
     * A configuration mistake, reported at the first {@code async} with the fix in the message
     * (rather than as an ExceptionInInitializerError that would leave this class unusable).
     */
    private static final class RefusingEngine implements AsyncEngine {
        private final String name;
        private final java.util.function.Supplier<RuntimeException> problem;

        RefusingEngine(String name, java.util.function.Supplier<RuntimeException> problem) {
            this.name = name;
            this.problem = problem;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public <T> Future<T> async(Body<T> body) {
            throw problem.get();
        }
    }
}
