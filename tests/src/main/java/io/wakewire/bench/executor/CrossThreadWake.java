package io.wakewire.bench.executor;

import io.wakewire.task.Context;
import io.wakewire.task.Executor;
import io.wakewire.task.Future;
import io.wakewire.task.Poll;
import io.wakewire.task.Waker;
import org.HdrHistogram.Histogram;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Latency from {@code wake()} on another thread to the woken task running, with the executor
 * asleep in its parker when the wake comes (the case that matters: an edge or a byte arriving
 * while nothing else happens). Not JMH: a percentile needs every sample, so each one goes into an
 * HdrHistogram.
 *
 * <p>A "pinger" platform thread waits until the task is pending again, lets the executor fall
 * asleep (a random 20..100 µs pause), stamps the time and calls {@code wake()}; the task records
 * now minus the stamp when it is polled.
 */
final class CrossThreadWake {

    private CrossThreadWake() {}

    /** Runs {@code warmup} then {@code samples} wakes; returns the histogram of the latter (ns). */
    static Histogram measure(int warmup, int samples) throws InterruptedException {
        Probe probe = new Probe(warmup, samples);
        Thread pinger = Thread.ofPlatform().name("pinger").daemon().start(probe::ping);
        try (Executor ex = Executor.create()) {
            ex.blockOn(probe);
        }
        pinger.join();
        return probe.histogram;
    }

    private static final class Probe implements Future<Void> {
        final Histogram histogram = new Histogram(3_600_000_000_000L, 3);
        private final int warmup;
        private final int total;
        private int done;
        private volatile Waker waker;
        /** Set by the task when it is pending and may be woken; cleared by the pinger. */
        private volatile boolean armed;
        private volatile long sentAt;
        private volatile boolean finished;

        Probe(int warmup, int samples) {
            this.warmup = warmup;
            this.total = warmup + samples;
        }

        @Override
        public Poll<Void> poll(Context cx) {
            long sent = sentAt;
            if (sent != 0) {
                long latency = System.nanoTime() - sent;
                sentAt = 0;
                done++;
                if (done > warmup) {
                    histogram.recordValue(latency);
                }
                if (done == total) {
                    finished = true;
                    return Poll.ready(null);
                }
            }
            waker = cx.waker();
            armed = true;
            return Poll.pending();
        }

        void ping() {
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            while (!finished) {
                while (!armed) {
                    if (finished) {
                        return;
                    }
                    Thread.onSpinWait();
                }
                armed = false;
                LockSupport.parkNanos(20_000 + rnd.nextInt(80_000));
                sentAt = System.nanoTime();
                waker.wake();
            }
        }
    }
}
