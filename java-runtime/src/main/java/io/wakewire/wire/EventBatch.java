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
                nLost++;
            } else if ((head & 0x7F) == EventRecord.LOST_MARKER) {
                return false;
            } else {
                nEdges++;
            }
            i = skipLeb128(buf, i, end);
            if (i < 0) {
                return false;
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
        byte[] b = buf;
        long ts = baseTs;
        int i = start;
        while (i < end) {
            int head = b[i++] & 0xFF;
            int source = head == EventRecord.LOST_MARKER ? b[i++] & 0xFF : -1;
            // LEB128, already validated by reset(): at most 5 bytes, at most 32 bits
            long value = 0;
            int shift = 0;
            int x;
            do {
                x = b[i++];
                value |= (long) (x & 0x7F) << shift;
                shift += 7;
            } while (x < 0);
            if (source < 0) {
                ts += value;
                visitor.edge(head & 0x7F, head >>> 7, ts);
            } else {
                visitor.lost(source, value);
            }
        }
    }

    /**
     * The offset after the LEB128 value at {@code i}, or -1 when it is cut off by {@code end}, runs
     * past 5 bytes, or exceeds 32 bits (a fifth byte above 0x0F).
     */
    private static int skipLeb128(byte[] b, int i, int end) {
        for (int n = 0; n < Leb128.MAX_BYTES; n++) {
            if (i >= end) {
                return -1;
            }
            int x = b[i++];
            if (x >= 0) {
                return n == Leb128.MAX_BYTES - 1 && x > 0x0F ? -1 : i;
            }
        }
        return -1;
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
