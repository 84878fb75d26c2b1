package io.wakewire.bench.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.wakewire.wire.Answer;
import io.wakewire.wire.EventBatch;
import io.wakewire.wire.EventRecord;
import io.wakewire.wire.EventVisitor;
import io.wakewire.wire.Frame;
import io.wakewire.wire.FrameDecoder;
import io.wakewire.wire.FrameEncoder;
import io.wakewire.wire.FrameSink;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * decode_ns_per_frame: the host's cost of turning wire bytes into what a task is woken with, per
 * frame, for the two shapes that dominate the line: a full EVENTS frame (28 two-byte edges, 66
 * wire bytes) and a small ACK (7 wire bytes). Each invocation pushes one frame into a
 * {@link FrameDecoder}, which does COBS, CRC, the checks and hands the result to a sink.
 *
 * <ul>
 *   <li>{@code events28Visitor}: the bridge's path, the sink reads the {@link EventBatch} with a
 *       visitor (no allocation per edge).</li>
 *   <li>{@code events28Records}: the default sink path, an {@code Answer.Events} with 28 record objects.</li>
 *   <li>{@code ack}: a small reply.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class WireDecodeBench {

    private byte[] events28;
    private byte[] ack;
    private FrameDecoder visiting;
    private FrameDecoder materializing;
    private long sum;
    private Blackhole hole;

    @Setup
    public void setup(Blackhole blackhole) {
        this.hole = blackhole;
        List<EventRecord> edges = new ArrayList<>();
        for (int i = 0; i < 28; i++) {
            edges.add(new EventRecord.Edge(2, i & 1, 4000 + 12L * i));
        }
        events28 = FrameEncoder.toWire(new Answer.Events(0, 4000, edges));
        ack = FrameEncoder.toWire(new Answer.Ack(2, 2));
        EventVisitor visitor = new EventVisitor() {
            @Override
            public void edge(int pin, int level, long timestamp) {
                sum += timestamp + pin + level;
            }

            @Override
            public void lost(int source, long count) {
                sum += count;
            }
        };
        visiting = new FrameDecoder(new FrameSink() {
            @Override
            public void frame(Frame frame) {
                hole.consume(frame);
            }

            @Override
            public void events(EventBatch batch) {
                batch.forEach(visitor);
            }
        });
        materializing = new FrameDecoder(frame -> hole.consume(frame));
    }

    @Benchmark
    public long events28Visitor() {
        visiting.push(events28, 0, events28.length);
        return sum;
    }

    @Benchmark
    public void events28Records() {
        materializing.push(events28, 0, events28.length);
    }

    @Benchmark
    public void ack() {
        visiting.push(ack, 0, ack.length);
    }
}
