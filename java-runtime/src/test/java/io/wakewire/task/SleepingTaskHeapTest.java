package io.wakewire.task;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Heap per sleeping task: the budget is 200 bytes (1,000,000 sleeping tasks in a 512 MB heap
 * with room to spare). Measured as the growth of used heap after GC across 200,000 tasks, so
 * that a few kilobytes of noise do not matter.
 */
class SleepingTaskHeapTest {

    private static long usedAfterGc(MemoryMXBean mem) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return mem.getHeapMemoryUsage().getUsed();
    }

    @Test
    void aSleepingTaskCostsAtMost80HeapBytes() {
        int n = 200_000;
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        VirtualClock clock = new VirtualClock();
        Executor ex = Executor.builder().clock(clock).parker(clock).build();
        ex.blockOn(Futures.yieldNow()); // warm the executor's own structures
        long before = usedAfterGc(mem);
        for (int i = 0; i < n; i++) {
            ex.spawn(Futures.sleep(Duration.ofSeconds(3600 + i % 1000)));
        }
        ex.blockOn(Futures.yieldNow()); // every task polled once: each now sits in the wheel
        long after = usedAfterGc(mem);
        double perTask = (after - before) / (double) n;
        System.out.printf("sleeping task heap: %.1f bytes per task (%d tasks)%n", perTask, n);
        assertEquals(n, ex.liveTasks());
        assertTrue(ex.dump().startsWith("executor 'wakewire': " + n + " live task(s), " + n + " timer(s)"));
        // One 64-byte object (the task, its own timer node); 117 bytes before the task took the sleep over.
        assertTrue(perTask <= 80, "a sleeping task costs " + perTask + " bytes");
        ex.close();
        assertEquals(0, ex.liveTasks());
    }
}
