package io.wakewire.task;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A self-woken task is polled again at once only while nobody is behind it: another queued task,
 * a wake from another thread, or a sibling of the yielding body inside the same task still gets
 * its turn in between (a lone body's yield goes on inside the continuation engine, without the
 * round trip through the task, only when the body is the task's whole future).
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
    void aYieldingBodyInARaceLetsItsSiblingIn() {
        Probe<String> bell = new Probe<>("bell");
        List<String> log = new ArrayList<>();
        Future<String> ringer = Async.async(() -> {
            for (int i = 0; i < 100; i++) {
                log.add("a" + i);
                if (i == 2) {
                    bell.complete("rung");
                }
                Async.await(Futures.yieldNow());
            }
            return "ringer";
        });
        Future<String> listener = Async.async(() -> "heard " + Async.await(bell));
        assertEquals("heard rung", ex.blockOn(Futures.select(List.of(ringer, listener))).value());
        assertTrue(log.size() <= 4 && log.subList(0, 3).equals(List.of("a0", "a1", "a2")),
                "the listener got its poll right after the bell: " + log);
        ex.close();
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
