package io.wakewire.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * A read-only view of one decoded, already validated EVENTS frame, over the decoder's own buffer.
 * The decoder hands the same instance to {@link FrameSink#events} for every EVENTS frame, so it is
 * valid only during that call: read it there ({@link #forEach} allocates nothing per edge) or copy
 * it out with {@link #toEvents()}.
 *
 * <p>Trade-off: the records are walked twice (once to validate before the sink sees anything, once
 * by the visitor), which costs a few nanoseconds per edge and buys a sink that never sees half a
 * frame. A malformed EVENTS payload is delivered as a {@link Raw} frame instead.
 */
public final class EventBatch {

    private byte[] buf;
    private int start;
    private int end;
    private int seq;
    private long baseTs;
    private int edges;
    private int losts;

    EventBatch() {
    }

    /**
     * Points this view at a payload ({@code base_ts} then records) and validates it. Returns false
     * when the payload is shorter than base_ts, a record is cut off, a delta or count is not a
     * LEB128 of at most 32 bits, or a pin byte is 0xFF (pin 127 with level 1: pin 127 is reserved).
     */
    boolean reset(int seq, byte[] buf, int payloadOff, int payloadLen) {
        if (payloadLen < 4) {
            return false;
        }
        this.buf = buf;
        this.seq = seq;
        this.baseTs = (buf[payloadOff] & 0xFF) | (buf[payloadOff + 1] & 0xFF) << 8
                | (buf[payloadOff + 2] & 0xFF) << 16 | (long) (buf[payloadOff + 3] & 0xFF) << 24;
        this.start = payloadOff + 4;
        this.end = payloadOff + payloadLen;
        int nEdges = 0;
        int nLost = 0;
        int i = start;
        while (i < end) {
            int head = buf[i++] & 0xFF;
            if (head == EventRecord.LOST_MARKER) {
                if (i >= end) {
                    return false;
                }
                i++; // source
                long packed = Leb128.read(buf, i, end);
                if (packed < 0) {
                    return false;
                }
                i += Leb128.length(packed);
                nLost++;
            } else {
                if ((head & 0x7F) == EventRecord.LOST_MARKER) {
                    return false;
                }
                long packed = Leb128.read(buf, i, end);
                if (packed < 0) {
                    return false;
                }
                i += Leb128.length(packed);
                nEdges++;
            }
        }
        this.edges = nEdges;
        this.losts = nLost;
        return true;
    }

    /** The frame's sequence number. */
    public int seq() {
        return seq;
    }

    /** The frame's base_ts (the tick the first delta counts from). */
    public long baseTs() {
        return baseTs;
    }

    /** How many edge records the frame holds. */
    public int edgeCount() {
        return edges;
    }

    /** How many LOST markers the frame holds. */
    public int lostCount() {
        return losts;
    }

    /** Calls {@code visitor} once per record, in wire order, allocating nothing. */
    public void forEach(EventVisitor visitor) {
        long ts = baseTs;
        int i = start;
        while (i < end) {
            int head = buf[i++] & 0xFF;
            if (head == EventRecord.LOST_MARKER) {
                int source = buf[i++] & 0xFF;
                long packed = Leb128.read(buf, i, end);
                i += Leb128.length(packed);
                visitor.lost(source, Leb128.value(packed));
            } else {
                long packed = Leb128.read(buf, i, end);
                i += Leb128.length(packed);
                ts += Leb128.value(packed);
                visitor.edge(head & 0x7F, head >>> 7, ts);
            }
        }
    }

    /** Copies the frame out as an immutable {@link Answer.Events} (one object per record). */
    public Answer.Events toEvents() {
        List<EventRecord> records = new ArrayList<>(edges + losts);
        forEach(new EventVisitor() {
            @Override
            public void edge(int pin, int level, long timestamp) {
                records.add(new EventRecord.Edge(pin, level, timestamp));
            }

            @Override
            public void lost(int source, long count) {
                records.add(new EventRecord.Lost(source, count));
            }
        });
        return new Answer.Events(seq, baseTs, records);
    }
}
