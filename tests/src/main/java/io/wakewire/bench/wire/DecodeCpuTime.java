package io.wakewire.bench.wire;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

import io.wakewire.wire.Answer;
import io.wakewire.wire.EventBatch;
import io.wakewire.wire.EventRecord;
import io.wakewire.wire.EventVisitor;
import io.wakewire.wire.Frame;
import io.wakewire.wire.FrameDecoder;
import io.wakewire.wire.FrameEncoder;
import io.wakewire.wire.FrameSink;

/**
 * The same work as {@link WireDecodeBench#events28Visitor}, timed by the thread's CPU time instead
 * of the wall clock. On a shared machine (this one often has a load of 10+ on 2 cores) JMH's wall
 * time includes the time the thread waited for a core; CPU time does not, though cache misses after
 * being descheduled still count. The two figures bracket the real cost.
 */
final class DecodeCpuTime {

    private static long sink;

    private DecodeCpuTime() {
    }

    /** CPU nanoseconds per full 28-edge EVENTS frame, best of {@code rounds} rounds of {@code frames}. */
    static double events28(int rounds, int frames) {
        List<EventRecord> edges = new ArrayList<>();
        for (int i = 0; i < 28; i++) {
            edges.add(new EventRecord.Edge(2, i & 1, 4000 + 12L * i));
        }
        byte[] wire = FrameEncoder.toWire(new Answer.Events(0, 4000, edges));
        EventVisitor visitor = new EventVisitor() {
            @Override
            public void edge(int pin, int level, long timestamp) {
                sink += timestamp + pin + level;
            }

            @Override
            public void lost(int source, long count) {
                sink += count;
            }
        };
        FrameDecoder decoder = new FrameDecoder(new FrameSink() {
            @Override
            public void frame(Frame frame) {
                sink += frame.seq();
            }

            @Override
            public void events(EventBatch batch) {
                batch.forEach(visitor);
            }
        });
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double best = Double.MAX_VALUE;
        for (int r = 0; r < rounds; r++) {
            long t0 = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < frames; i++) {
                decoder.push(wire, 0, wire.length);
            }
            long t1 = threads.getCurrentThreadCpuTime();
            best = Math.min(best, (t1 - t0) / (double) frames);
        }
        if (sink == 42) {
            System.out.print(""); // keeps the visitor's work observable
        }
        return best;
    }
}
