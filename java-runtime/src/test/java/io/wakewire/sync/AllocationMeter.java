package io.wakewire.sync;

import java.lang.management.ManagementFactory;

/** Bytes allocated by the current thread, through HotSpot's ThreadMXBean extension. */
final class AllocationMeter {

    private static final com.sun.management.ThreadMXBean BEAN =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private AllocationMeter() {}

    static long allocatedBytes() {
        return BEAN.getCurrentThreadAllocatedBytes();
    }

    /** Bytes allocated while running {@code r}, after running it once to warm up. */
    static long measure(Runnable r) {
        r.run();
        long before = allocatedBytes();
        r.run();
        return allocatedBytes() - before;
    }
}
