package io.wakewire.bench.executor;

import io.wakewire.task.Async;
import io.wakewire.task.Context;
import io.wakewire.task.Executor;
import io.wakewire.task.Future;
import io.wakewire.task.Futures;
import io.wakewire.task.JoinHandle;
import io.wakewire.task.Poll;
import org.openjdk.jmh.annotations.*;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.wakewire.task.Async.async;
import static io.wakewire.task.Async.await;

/**
 * JMH benchmarks of the executor, next to the JDK's alternatives for the same work. Each method
 * does a batch of operations ({@link OperationsPerInvocation}), so the score is per operation.
 * Run through {@link ExecutorBenchMain}, which prints the METRIC lines.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ExecutorBench {

    static final int SPAWNS = 1_000;
    static final int WAKES = 10_000;
    static final int AWAITS = 10_000;
    static final int HANDOFF_AWAITS = 1_000;

    private static final Future<Integer> DONE = cx -> Poll.ready(1);

    private Executor executor;

    @Setup(Level.Trial)
    public void setUp() {
        executor = Executor.create();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        executor.close();
    }

    /** Spawn a task from inside a task (the executor's local path) and run it to completion. */
    @Benchmark
    @OperationsPerInvocation(SPAWNS)
    public Object spawnAndComplete() {
        return executor.blockOn(new SpawnBatch(SPAWNS));
    }

    /** The same work as CompletableFuture on the common pool: submit, run (on a pool thread), complete, join. */
    @Benchmark
    @OperationsPerInvocation(SPAWNS)
    public Object completableFuture() {
        @SuppressWarnings("unchecked")
        CompletableFuture<Integer>[] all = new CompletableFuture[SPAWNS];
        for (int i = 0; i < SPAWNS; i++) {
            all[i] = CompletableFuture.supplyAsync(() -> 1);
        }
        int sum = 0;
        for (CompletableFuture<Integer> f : all) {
            sum += f.join();
        }
        return sum;
    }

    /**
     * The like-for-like anchor of {@link #spawnAndComplete()}: the same work on the same thread
     * (supplyAsync with a direct executor: make, run, complete, join, no hand-off to another
     * thread). {@link #completableFuture()} and {@link #virtualThreadStart()} also pay a hand-off.
     */
    @Benchmark
    @OperationsPerInvocation(SPAWNS)
    public Object completableFutureSameThread() {
        java.util.concurrent.Executor direct = Runnable::run;
        @SuppressWarnings("unchecked")
        CompletableFuture<Integer>[] all = new CompletableFuture[SPAWNS];
        for (int i = 0; i < SPAWNS; i++) {
            all[i] = CompletableFuture.supplyAsync(() -> 1, direct);
        }
        int sum = 0;
        for (CompletableFuture<Integer> f : all) {
            sum += f.join();
        }
        return sum;
    }

    /** The same work as virtual threads: start, run, finish, join. */
    @Benchmark
    @OperationsPerInvocation(SPAWNS)
    public Object virtualThreadStart() throws InterruptedException {
        Thread[] all = new Thread[SPAWNS];
        for (int i = 0; i < SPAWNS; i++) {
            all[i] = Thread.startVirtualThread(() -> { });
        }
        for (Thread t : all) {
            t.join();
        }
        return all;
    }

    /** A task that wakes itself and returns Pending: one executor turn per operation. */
    @Benchmark
    @OperationsPerInvocation(WAKES)
    public Object selfWakePoll() {
        return executor.blockOn(new SelfWaking(WAKES));
    }

    /** The sequential layer: an await that suspends the body and resumes it on the next turn. */
    @Benchmark
    @OperationsPerInvocation(AWAITS)
    public Object awaitSwitch() {
        requireEngine("continuation");
        return executor.blockOn(async(() -> {
            for (int i = 0; i < AWAITS; i++) {
                await(Futures.yieldNow());
            }
            return null;
        }));
    }

    /**
     * The same with the engine any JVM can run (a virtual thread per body and a hand-off).
     * {@link ExecutorBenchMain} runs it in a fork of its own with {@code -Dwakewire.async.engine=thread-handoff}.
     */
    @Benchmark
    @OperationsPerInvocation(HANDOFF_AWAITS)
    public Object awaitSwitchHandoff() {
        requireEngine("thread-handoff");
        return executor.blockOn(async(() -> {
            for (int i = 0; i < HANDOFF_AWAITS; i++) {
                await(Futures.yieldNow());
            }
            return null;
        }));
    }

    /** A figure measured on the wrong engine would be a wrong figure: fail the benchmark instead. */
    private static void requireEngine(String name) {
        if (!Async.engine().name().equals(name)) {
            throw new IllegalStateException("benchmark needs the " + name + " async engine, this JVM uses " + Async.engine().name());
        }
    }

    /** Spawns {@code n} tasks that are ready at once, then waits for the last (FIFO: all done). */
    static final class SpawnBatch implements Future<Integer> {
        private final int n;
        private JoinHandle<Integer> last;

        SpawnBatch(int n) {
            this.n = n;
        }

        @Override
        public Poll<Integer> poll(Context cx) {
            if (last == null) {
                for (int i = 0; i < n; i++) {
                    last = cx.executor().spawn(DONE);
                }
            }
            return last.poll(cx);
        }
    }

    /** Pending {@code n} times, waking itself each time. */
    static final class SelfWaking implements Future<Integer> {
        private int left;

        SelfWaking(int n) {
            left = n;
        }

        @Override
        public Poll<Integer> poll(Context cx) {
            if (left-- > 0) {
                cx.waker().wake();
                return Poll.pending();
            }
            return Poll.ready(0);
        }
    }
}
