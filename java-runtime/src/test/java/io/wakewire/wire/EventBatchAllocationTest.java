package io.wakewire.wire;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bridge pushes 20,000+ edges per second: decoding EVENTS through the visitor must not allocate
 * per edge (nor per frame). Measured with HotSpot's per-thread allocation counter.
 */
class EventBatchAllocationTest {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void decodingEventsThroughTheVisitorAllocatesNothingPerEdge() {
        List<EventRecord> edges = new ArrayList<>();
        for (int i = 0; i < 28; i++) {
            edges.add(new EventRecord.Edge(2, i & 1, 4000 + 12L * i));
        }
        byte[] wire = FrameEncoder.toWire(new Answer.Events(0, 4000, edges));
        long[] sum = new long[2];
        EventVisitor visitor = new EventVisitor() {
            @Override
            public void edge(int pin, int level, long timestamp) {
                sum[0] += timestamp;
            }

            @Override
            public void lost(int source, long count) {
                sum[1] += count;
            }
        };
        FrameDecoder decoder = new FrameDecoder(new FrameSink() {
            @Override
            public void frame(Frame frame) {
                throw new AssertionError("only EVENTS expected, got " + frame);
            }

            @Override
            public void events(EventBatch batch) {
                batch.forEach(visitor);
            }
        });
        for (int i = 0; i < 20_000; i++) { // warm up so the JIT has done its work
            decoder.push(wire);
        }
        int frames = 10_000;
        long before = THREADS.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < frames; i++) {
            decoder.push(wire);
        }
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        assertEquals(30_000L * 28, decoder.frames() * 28);
        // 280,000 edges: one object per edge would be megabytes; allow a little for the counter call itself
        assertTrue(allocated < 10_000, allocated + " bytes allocated for " + frames * 28 + " edges");
        assertTrue(sum[0] > 0);
    }
}
