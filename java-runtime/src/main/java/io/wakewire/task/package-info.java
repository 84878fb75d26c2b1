/**
 * The host executor: futures, tasks, timers, combinators and the sequential async layer.
 *
 * <h2>API in one screen</h2>
 * <pre>{@code
 * try (Executor ex = Executor.create()) {                     // or Executor.builder()...build()
 *     JoinHandle<Integer> h = ex.spawn("worker", Async.async(() -> {
 *         Async.await(Futures.sleep(Duration.ofMillis(5)));   // suspends this body only
 *         return 42;
 *     }));
 *     int v = ex.blockOn(h);                                  // run the executor until h completes
 *     System.out.print(ex.dump());                            // live tasks and what each awaits
 * }                                                           // close() cancels what is left
 * }</pre>
 *
 * <ul>
 *   <li>{@link io.wakewire.task.Future} / {@link io.wakewire.task.Poll} / {@link io.wakewire.task.Waker}
 *       / {@link io.wakewire.task.Context}: the poll contract (Pending allocates nothing).</li>
 *   <li>{@link io.wakewire.task.Executor}: {@code blockOn}, {@code spawn -> JoinHandle},
 *       {@code dump}, {@code close}; single-threaded, fair batches, coop budget
 *       ({@link io.wakewire.task.Coop}), cross-thread wakes through a lock-free path, idle
 *       through a {@link io.wakewire.task.Parker} ({@link io.wakewire.task.JdkParker}, or a
 *       native reactor). {@link io.wakewire.task.VirtualClock} makes time deterministic in tests.</li>
 *   <li>{@link io.wakewire.task.JoinHandle}: await the result ({@link io.wakewire.task.TaskFailedException},
 *       {@link io.wakewire.task.TaskCancelledException}), {@code cancel()}, {@code detach()}.</li>
 *   <li>{@link io.wakewire.task.Futures}: {@code sleep, sleepUntil, timeout} ({@link io.wakewire.task.TimedOutException}),
 *       {@code interval} ({@link io.wakewire.task.MissedTickPolicy}), {@code join, tryJoin, race, select,
 *       map, andThen, yieldNow, ready, failed, never, blocking}.</li>
 *   <li>{@link io.wakewire.task.Async}: {@code async(body)}, {@code await(future)}, {@code context()};
 *       engines in {@link io.wakewire.task.AsyncEngine}.</li>
 *   <li>{@link io.wakewire.task.Scope}: children cancelled when the scope closes.</li>
 * </ul>
 *
 * <h2>Costs and mechanisms</h2>
 * <ul>
 *   <li>spawn: one object (the task is its own waker, context and join handle), one CAS in
 *       its life (completion).</li>
 *   <li>wake: a CAS on the task's state word (none when a task wakes itself during its poll);
 *       duplicates collapse; from another thread one more CAS on the wake stack and an unpark
 *       only if the executor sleeps.</li>
 *   <li>timer: insert and cancel O(1) in a 6-level hierarchical wheel (1 ms tick by default);
 *       a sleep is its own wheel node. A sleeping task costs 64 heap bytes (the task is its own timer node; sleeping_task_bytes of {@code make bench-executor}).</li>
 *   <li>await: about 1.1x a bare JDK continuation's yield + run with the continuation engine
 *       (needs {@code --add-exports java.base/jdk.internal.vm=ALL-UNNAMED}); microseconds with
 *       the virtual-thread hand-off fallback that any JVM can run (async_yield_cpu_ratio and
 *       await_switch_handoff_ns of {@code make bench-executor}).</li>
 * </ul>
 */
package io.wakewire.task;
