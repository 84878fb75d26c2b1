package io.wakewire.task;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A self-woken task is polled again at once only while nobody is behind it: another queued task
 * or a wake from another thread still gets its turn in between.
 */
class LoneRepollTest {

    private final Executor ex = Executor.create();

    @Test
    void twoYieldingBodiesStillAlternate() {
        List<String> log = new ArrayList<>();
        for (String name : List.of("a", "b")) {
            ex.spawn(name, Async.run(() -> {
                for (int i = 0; i < 3; i++) {
                    log.add(name + i);
                    Async.await(Futures.yieldNow());
                }
            }));
        }
        ex.blockOn(Futures.sleep(java.time.Duration.ofMillis(5)));
        assertEquals(List.of("a0", "b0", "a1", "b1", "a2", "b2"), log);
    }

    @Test
    void aLoneYieldLoopLetsACrossThreadWakeIn() throws Exception {
        Probe<String> fromOutside = new Probe<>("outside");
        AtomicBoolean seen = new AtomicBoolean();
        ex.spawn("waiter", Async.run(() -> {
            Async.await(fromOutside);
            seen.set(true);
        }));
        Thread t = new Thread(() -> fromOutside.complete("x"));
        int[] spins = new int[1];
        ex.blockOn(() -> {
            t.start();
            while (!seen.get()) { // ends only if the waiter, woken from the other thread, gets polled
                Async.await(Futures.yieldNow());
                spins[0]++;
            }
        });
        t.join();
        assertTrue(seen.get());
        assertTrue(spins[0] >= 1);
        ex.close();
    }
}
