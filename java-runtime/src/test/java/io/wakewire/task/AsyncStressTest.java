package io.wakewire.task;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Many bodies, each awaiting a long series of events delivered by another thread: on both
 * engines every body sees every one of its events in order, and the whole thing ends.
 */
class AsyncStressTest {

    static Stream<AsyncEngine> engines() {
        return Stream.of(AsyncEngine.continuations(), AsyncEngine.threadHandoff());
    }

    @ParameterizedTest
    @MethodSource("engines")
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void bodiesAwaitEventsFromAnotherThread(AsyncEngine engine) throws Exception {
        int bodies = 40;
        int events = 150;
        ConcurrentLinkedQueue<Probe<Integer>> pending = new ConcurrentLinkedQueue<>();
        try (Executor ex = Executor.create()) {
            List<JoinHandle<Integer>> hs = new ArrayList<>();
            for (int b = 0; b < bodies; b++) {
                hs.add(ex.spawn("body-" + b, engine.async(() -> {
                    int expected = 0;
                    for (int i = 0; i < events; i++) {
                        Probe<Integer> p = new Probe<>("event " + i);
                        pending.add(p);
                        int got = Async.await(p.map(v -> v + 0));
                        assertEquals(expected, got);
                        expected++;
                    }
                    return expected;
                })));
            }
            Thread producer = new Thread(() -> {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(100);
                int delivered = 0;
                while (delivered < bodies * events && System.nanoTime() < deadline) {
                    Probe<Integer> p = pending.poll();
                    if (p == null) {
                        Thread.onSpinWait();
                        continue;
                    }
                    // Each body creates its probes in order; its i-th probe ("event i") gets value i.
                    String label = p.describe();
                    p.complete(Integer.parseInt(label.substring(label.indexOf("event ") + 6, label.length() - 1)));
                    delivered++;
                }
            });
            producer.start();
            List<Integer> results = ex.blockOn(Futures.join(hs));
            producer.join();
            for (int r : results) {
                assertEquals(events, r);
            }
        }
    }
}
