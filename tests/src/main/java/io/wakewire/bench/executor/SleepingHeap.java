package io.wakewire.bench.executor;

import io.wakewire.task.Executor;
import io.wakewire.task.Futures;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import static io.wakewire.task.Async.async;
import static io.wakewire.task.Async.await;

/**
 * Heap bytes per sleeping task, measured in a JVM of its own (started by
 * {@link ExecutorBenchMain} with {@code -Xmx512m}): used heap after full GCs, before and after
 * putting {@code count} tasks to sleep for an hour, divided by {@code count}.
 *
 * <p>Usage: {@code SleepingHeap task|async|vthread|netty|kotlinx COUNT}; prints {@code BYTES_PER_TASK <n>}.
 * An OutOfMemoryError is reported as {@code OUT_OF_MEMORY} (exit status 3), so the caller can
 * say that the count does not fit.
 */
public final class SleepingHeap {

    private static final Duration LONG = Duration.ofHours(1);

    private SleepingHeap() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: SleepingHeap task|async|vthread|netty|kotlinx COUNT");
            System.exit(2);
        }
        String kind = args[0];
        int count = Integer.parseInt(args[1]);
        try {
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

    private static double futureTasks(int count, boolean sequentialLayer) {
        Executor ex = Executor.create();
        ex.blockOn(Futures.yieldNow());  // warm the executor's own structures first
        long before = usedHeapAfterGc();
        for (int i = 0; i < count; i++) {
            if (sequentialLayer) {
                ex.spawn(async(() -> {
                    await(Futures.sleep(LONG));
                    return null;
                }));
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
