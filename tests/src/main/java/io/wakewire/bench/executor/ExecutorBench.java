package io.wakewire.bench.executor;

import io.wakewire.task.Async;
import io.wakewire.task.Context;
import io.wakewire.task.Executor;
import io.wakewire.task.Future;
import io.wakewire.task.Futures;
import io.wakewire.task.JoinHandle;
import io.wakewire.task.Poll;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.Promise;
import kotlinx.coroutines.CoroutineDispatcher;
import org.openjdk.jmh.annotations.*;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.wakewire.task.Async.async;
import static io.wakewire.task.Async.await;

/**
 * JMH benchmarks of the executor, next to its peers for the same work in the same run: the JDK's
 * CompletableFuture, virtual threads and bare continuation, kotlinx-coroutines
 * ({@link KotlinxPeers}) and Netty (an NIO event loop and a DefaultEventLoop). Each method does a
 * batch of operations ({@link OperationsPerInvocation}, the same size for us and for the peer),
 * so the score is per operation and a peer's hand-off to its own thread at the batch's ends
 * does not count. Run through {@link ExecutorBenchMain}, which prints the METRIC lines.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ExecutorBench {

    static final int SPAWNS = 10_000;
    static final int WAKES = 10_000;
    static final int AWAITS = 10_000;
    static final int PASSES = 10_000;
    static final int HANDOFF_AWAITS = 1_000;

    private static final Future<Integer> DONE = cx -> Poll.ready(1);
    private static final Runnable NOTHING = () -> { };

    private Executor executor;
    private BareContinuation bare;
    private CoroutineDispatcher kotlinxOneThread;
    private EventLoopGroup nettyNioGroup;
    private EventLoop nettyNio;
    private DefaultEventLoop nettyLocal;

    @Setup(Level.Trial)
    public void setUp() {
        executor = Executor.create();
        if (Async.engine().name().equals("continuation")) {
            bare = new BareContinuation();
        }
        kotlinxOneThread = KotlinxPeers.singleThread();
        nettyNioGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        nettyNio = nettyNioGroup.next();
        nettyLocal = new DefaultEventLoop();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        executor.close();
        nettyNioGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        nettyLocal.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Spawn a task from inside a task (the executor's local path) and run it to completion. */
    @Benchmark
    @OperationsPerInvocation(SPAWNS)
    public Object spawnAndComplete() {
        return executor.blockOn(new SpawnBatch(SPAWNS));
    }

    /** The same with kotlinx: n {@code launch {}} inside runBlocking's event loop. */
    @Benchmark
    @OperationsPerInvocation(SPAWNS)
    public Object spawnKotlinx() {
        return KotlinxPeers.launchBatch(SPAWNS);
    }

    /** The same with Netty's NIO event loop: submit from outside, wait for the last (FIFO). */
    @Benchmark
    @OperationsPerInvocation(SPAWNS)
    public Object spawnNettyNio() throws InterruptedException, ExecutionException {
        return submitBatch(nettyNio);
    }

    /** The same with Netty's DefaultEventLoop (a plain task queue, no selector). */
    @Benchmark
    @OperationsPerInvocation(SPAWNS)
    public Object spawnNettyLocal() throws InterruptedException, ExecutionException {
        return submitBatch(nettyLocal);
    }

    private static Object submitBatch(EventLoop loop) throws InterruptedException, ExecutionException {
        io.netty.util.concurrent.Future<?> last = null;
        for (int i = 0; i < SPAWNS; i++) {
            last = loop.submit(NOTHING);
        }
        return last.get();
    }

    /** The same work as CompletableFuture on the common pool: submit, run, complete, join. */
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

    /** Netty's self-wake: a task on the NIO loop that executes itself again, n times. */
    @Benchmark
    @OperationsPerInvocation(WAKES)
    public Object selfWakeNetty() throws InterruptedException, ExecutionException {
        Promise<Integer> done = nettyNio.newPromise();
        nettyNio.execute(new Reexecute(nettyNio, WAKES, done));
        return done.get();
    }

    private static final class Reexecute implements Runnable {
        private final EventLoop loop;
        private final Promise<Integer> done;
        private int left;

        Reexecute(EventLoop loop, int n, Promise<Integer> done) {
            this.loop = loop;
            this.left = n;
            this.done = done;
        }

        @Override
        public void run() {
            if (left-- > 0) {
                loop.execute(this);
            } else {
                done.setSuccess(0);
            }
        }
    }

    /** The sequential layer: {@code await(yieldNow())}, suspending the body and resuming it on the next turn. */
    @Benchmark
    @OperationsPerInvocation(AWAITS)
    public Object asyncYield() {
        requireEngine("continuation");
        return executor.blockOn(async(() -> {
            for (int i = 0; i < AWAITS; i++) {
                await(Futures.yieldNow());
            }
            return null;
        }));
    }

    /**
     * The mechanism alone: a bare JDK continuation, yield + run, one-frame body. Named to sort
     * right after {@link #asyncYield}: JMH runs benchmarks in name order, so the pair whose ratio
     * has a floor is measured back to back, not minutes apart (this VM has slow phases that last
     * minutes and would fall on one half of the pair only).
     */
    @Benchmark
    @OperationsPerInvocation(AWAITS)
    public Object asyncYieldBareContinuation() {
        requireEngine("continuation");
        return bare.run(AWAITS);
    }

    /** kotlinx {@code yield()} on {@code Dispatchers.Default.limitedParallelism(1)}. */
    @Benchmark
    @OperationsPerInvocation(AWAITS)
    public Object asyncYieldKotlinx() {
        return KotlinxPeers.yieldOn(kotlinxOneThread, AWAITS);
    }

    /** kotlinx {@code yield()} in runBlocking's event loop on the calling thread. */
    @Benchmark
    @OperationsPerInvocation(AWAITS)
    public Object asyncYieldKotlinxLoop() {
        return KotlinxPeers.yieldLoop(AWAITS);
    }

    /** Baton between two async bodies: one same-thread suspend + resume per pass. */
    @Benchmark
    @OperationsPerInvocation(2 * PASSES)
    public Object asyncBaton() {
        requireEngine("continuation");
        return Batons.asyncBodies(executor, PASSES);
    }

    /** The same baton between two hand-written futures. */
    @Benchmark
    @OperationsPerInvocation(2 * PASSES)
    public Object futureBaton() {
        return Batons.handWritten(executor, PASSES);
    }

    /** The same baton between two kotlinx coroutines (suspendCancellableCoroutine) in runBlocking. */
    @Benchmark
    @OperationsPerInvocation(2 * PASSES)
    public Object asyncBatonKotlinx() {
        return KotlinxPeers.baton(PASSES);
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
