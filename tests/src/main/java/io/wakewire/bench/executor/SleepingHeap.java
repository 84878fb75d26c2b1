package io.wakewire.bench.executor;

import io.wakewire.task.Executor;
import io.wakewire.task.Futures;
import io.wakewire.task.Future;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static io.wakewire.task.Async.async;
import static io.wakewire.task.Async.await;

/**
 * Heap bytes per sleeping task, measured in a JVM of its own (started by
 * {@link ExecutorBenchMain} with {@code -Xmx512m}): used heap after full GCs, before and after
 * putting {@code count} tasks to sleep for an hour, divided by {@code count}.
 *
 * <p>Usage: {@code SleepingHeap task|async|vthread|netty|kotlinx COUNT [WARMUP]}; prints
 * {@code BYTES_PER_TASK <n>}. With WARMUP, that many sleepers of the same kind first sleep 1 ms
 * each and complete, so that the JIT has compiled the path the measured ones take (as JMH's
 * warm-up iterations do for the time benchmarks): a frozen async body's StackChunk holds the
 * frames as they were compiled when it suspended, and interpreted frames are several times larger.
 * An OutOfMemoryError is reported as {@code OUT_OF_MEMORY} (exit status 3), so the caller can
 * say that the count does not fit.
 */
public final class SleepingHeap {

    private static final Duration LONG = Duration.ofHours(1);

    private SleepingHeap() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2 && args.length != 3) {
            System.err.println("usage: SleepingHeap task|async|vthread|netty|kotlinx COUNT [WARMUP]");
            System.exit(2);
        }
        String kind = args[0];
        int count = Integer.parseInt(args[1]);
        int warmup = args.length == 3 ? Integer.parseInt(args[2]) : 0;
        try {
            if (warmup > 0) {
                warmUp(kind, warmup);
            }
            double perTask = switch (kind) {
                case "task" -> futureTasks(count, false);
                case "async" -> futureTasks(count, true);
                case "vthread" -> virtualThreads(count);
                case "netty" -> nettyTimers(count);
                case "kotlinx" -> {
                    // runBlocking would wait an hour for its sleeping children: report from inside.
                    KotlinxPeers.sleepingBytes(count, SleepingHeap::usedHeapAfterGc, SleepingHeap::report);
                    throw new IllegalStateException("unreachable");
                }
                default -> throw new IllegalArgumentException("unknown kind '" + kind + "' (task, async, vthread, netty, kotlinx)");
            };
            report(perTask);
        } catch (OutOfMemoryError e) {
            System.out.println("OUT_OF_MEMORY");
            System.out.flush();
            Runtime.getRuntime().halt(3);
        }
    }

    private static void report(double perTask) {
        System.out.printf("BYTES_PER_TASK %.1f%n", perTask);
        System.out.flush();
        Runtime.getRuntime().halt(0);  // do not wait an hour for the sleepers
    }

    private static final Duration SHORT = Duration.ofMillis(1);

    /** {@code n} sleepers of {@code kind} sleep 1 ms each, to completion. */
    private static void warmUp(String kind, int n) throws Exception {
        switch (kind) {
            case "task", "async" -> {
                sleeperNap = SHORT;
                try (Executor ex = Executor.create()) {
                    List<Future<?>> all = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        if (kind.equals("task")) {
                            all.add(ex.spawn(Futures.sleep(SHORT)));
                        } else {
                            all.add(ex.spawn(asyncSleeper()));
                        }
                    }
                    ex.blockOn(Futures.join(all));
                }
            }
            case "vthread" -> {
                List<Thread> all = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    all.add(Thread.startVirtualThread(() -> {
                        try {
                            Thread.sleep(SHORT);
                        } catch (InterruptedException ignored) {
                            // exit
                        }
                    }));
                }
                for (Thread t : all) {
                    t.join();
                }
            }
            case "netty" -> {
                io.netty.channel.EventLoopGroup group = new io.netty.channel.MultiThreadIoEventLoopGroup(1,
                        io.netty.channel.nio.NioIoHandler.newFactory());
                io.netty.channel.EventLoop loop = group.next();
                CountDownLatch done = new CountDownLatch(n);
                loop.submit(() -> {
                    for (int i = 0; i < n; i++) {
                        loop.schedule(done::countDown, 1, java.util.concurrent.TimeUnit.MILLISECONDS);
                    }
                }).get();
                done.await();
                group.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.SECONDS).sync();
            }
            case "kotlinx" -> KotlinxPeers.sleepBriefly(n);
            default -> throw new IllegalArgumentException("unknown kind '" + kind + "' (task, async, vthread, netty, kotlinx)");
        }
    }

    /** Netty's timer: {@code schedule(task, 1 h)} on one NIO event loop, from the loop itself. */
    private static double nettyTimers(int count) throws Exception {
        io.netty.channel.EventLoopGroup group = new io.netty.channel.MultiThreadIoEventLoopGroup(1,
                io.netty.channel.nio.NioIoHandler.newFactory());
        io.netty.channel.EventLoop loop = group.next();
        Runnable nothing = () -> { };
        loop.submit(nothing).get();  // the loop's own structures first
        long before = usedHeapAfterGc();
        loop.submit(() -> {
            for (int i = 0; i < count; i++) {
                loop.schedule(nothing, 1, java.util.concurrent.TimeUnit.HOURS);
            }
        }).get();
        long after = usedHeapAfterGc();
        return (after - before) / (double) count;
    }

    /** How long {@link #asyncSleeper()} sleeps: a static, so that its lambda captures nothing, as kotlinx's does not. */
    private static Duration sleeperNap;

    /**
     * The one async sleeper, for the warm-up and the measured ones alike: a lambda of another
     * class would meet code compiled for the warm-up's and deoptimise it in the middle of the run.
     */
    private static Future<Object> asyncSleeper() {
        return async(() -> {
            await(Futures.sleep(sleeperNap));
            return null;
        });
    }

    private static double futureTasks(int count, boolean sequentialLayer) {
        sleeperNap = LONG;
        Executor ex = Executor.create();
        ex.blockOn(Futures.yieldNow());  // warm the executor's own structures first
        long before = usedHeapAfterGc();
        for (int i = 0; i < count; i++) {
            if (sequentialLayer) {
                ex.spawn(asyncSleeper());
            } else {
                ex.spawn(Futures.sleep(LONG));
            }
        }
        // The blockOn root is queued ahead of the spawned tasks and re-queued behind them when it
        // yields, so when it completes every task has been polled once: all are asleep on timers.
        ex.blockOn(Futures.yieldNow());
        long after = usedHeapAfterGc();
        if (ex.liveTasks() != count) {
            throw new IllegalStateException("expected " + count + " sleeping tasks, the executor has " + ex.liveTasks());
        }
        return (after - before) / (double) count;
    }

    private static double virtualThreads(int count) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(count);
        long before = usedHeapAfterGc();
        for (int i = 0; i < count; i++) {
            Thread.startVirtualThread(() -> {
                started.countDown();
                try {
                    Thread.sleep(LONG);
                } catch (InterruptedException ignored) {
                    // exit
                }
            });
        }
        started.await();
        Thread.sleep(500);  // let the last ones reach sleep() and unmount
        long after = usedHeapAfterGc();
        return (after - before) / (double) count;
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            used = Math.min(used, mem.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
