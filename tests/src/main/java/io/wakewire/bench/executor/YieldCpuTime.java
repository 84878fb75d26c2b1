package io.wakewire.bench.executor;

import io.wakewire.task.Executor;
import io.wakewire.task.Futures;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

import static io.wakewire.task.Async.async;
import static io.wakewire.task.Async.await;

/**
 * {@code await(yieldNow())} against the bare JDK continuation measured the way a shared machine
 * cannot skew: in one JVM, batch after batch alternately (so both see the same load), each
 * batch timed by this thread's CPU time (time spent waiting for a core is not counted). Prints
 * the median per-operation cost of each over the second half of the rounds (the first half
 * warms up), the median of the paired ratios and the largest of them (the round the machine
 * treated worst).
 */
final class YieldCpuTime {

    private static final int AWAITS = ExecutorBench.AWAITS;

    private YieldCpuTime() {}

    /** {ours ns, bare ns, median paired ratio, largest paired ratio}. */
    static double[] measure(int rounds, int batchesPerRound) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        BareContinuation bare = new BareContinuation();
        double[] ours = new double[rounds];
        double[] theirs = new double[rounds];
        double[] ratio = new double[rounds];
        try (Executor ex = Executor.create()) {
            for (int r = 0; r < rounds; r++) {
                long o = 0;
                long b = 0;
                for (int k = 0; k < batchesPerRound; k++) {
                    long t0 = cpu.getCurrentThreadCpuTime();
                    bare.run(AWAITS);
                    long t1 = cpu.getCurrentThreadCpuTime();
                    ex.blockOn(async(() -> {
                        for (int i = 0; i < AWAITS; i++) {
                            await(Futures.yieldNow());
                        }
                        return null;
                    }));
                    long t2 = cpu.getCurrentThreadCpuTime();
                    b += t1 - t0;
                    o += t2 - t1;
                }
                ours[r] = o / (double) (batchesPerRound * AWAITS);
                theirs[r] = b / (double) (batchesPerRound * AWAITS);
                ratio[r] = ours[r] / theirs[r];
            }
        }
        int from = rounds / 2;
        double worst = Arrays.stream(ratio, from, rounds).max().orElseThrow();
        return new double[] {median(ours, from), median(theirs, from), median(ratio, from), worst};
    }

    private static double median(double[] v, int from) {
        double[] s = Arrays.copyOfRange(v, from, v.length);
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
