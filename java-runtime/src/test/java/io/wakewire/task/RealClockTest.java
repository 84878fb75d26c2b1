package io.wakewire.task;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The JDK parker on the real clock. Only lower bounds are asserted (a timer never fires early;
 * a parked executor does wake for another thread): upper bounds depend on the machine's load.
 */
class RealClockTest {

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aSleepNeverEndsEarly() {
        try (Executor ex = Executor.create()) {
            long start = System.nanoTime();
            ex.blockOn(Futures.sleep(Duration.ofMillis(30)));
            assertTrue(System.nanoTime() - start >= 30_000_000L);
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aWakeFromAnotherThreadInterruptsAParkWithAFarDeadline() throws Exception {
        try (Executor ex = Executor.create()) {
            Probe<String> signal = new Probe<>("signal");
            Thread t = new Thread(() -> {
                try {
                    Thread.sleep(50); // by then the executor is parked until the one-hour timer
                } catch (InterruptedException e) {
                    return;
                }
                signal.complete("woken");
            });
            t.start();
            assertEquals("woken", ex.blockOn(Futures.race(signal, Futures.sleep(Duration.ofHours(1)).map(x -> "slept"))));
            t.join();
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aCancelFromAnotherThreadReachesAParkedExecutor() throws Exception {
        try (Executor ex = Executor.create()) {
            Probe<Void> stuck = new Probe<>("stuck");
            JoinHandle<Void> h = ex.spawn("stuck", stuck);
            Thread t = new Thread(() -> {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
                h.cancel();
            });
            t.start();
            assertThrows(TaskCancelledException.class, () -> ex.blockOn(h));
            assertTrue(stuck.cancelled);
            t.join();
        }
    }
}
