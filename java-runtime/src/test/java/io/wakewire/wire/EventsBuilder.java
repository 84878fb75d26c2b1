package io.wakewire.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * Packs edges and LOST markers into EVENTS frames the way the firmware does: as many records as
 * fit in the 60-byte payload, a record never split across frames, deltas from the previous edge.
 * For a host-side board simulator and for tests; the firmware has its own C encoder.
 *
 * <pre>{@code
 * EventsBuilder b = new EventsBuilder();
 * for (Edge e : edges) {
 *     if (!b.addEdge(e.pin(), e.level(), e.tick())) {    // frame full
 *         send(b.build(seq++));                            // then start the next one
 *         b.addEdge(e.pin(), e.level(), e.tick());
 *     }
 * }
 * }</pre>
 *
 * <p>Like the firmware, the first edge sets {@code base_ts} (its delta is 0). Timestamps are board
 * ticks; one that is earlier than the previous edge is taken as having wrapped the 32-bit counter.
 */
public final class EventsBuilder {

    private final List<EventRecord> records = new ArrayList<>();
    private int size = 4; // base_ts
    private long baseTs = -1;
    private long lastTs;

    /** True when nothing has been added since the last {@link #build}. */
    public boolean isEmpty() {
        return records.isEmpty();
    }

    /** Payload bytes used so far (at most {@link Frame#MAX_PAYLOAD}). */
    public int payloadSize() {
        return size;
    }

    /**
     * Adds an edge at board tick {@code tick} (its low 32 bits are what the board's counter
     * showed); returns false, adding nothing, when it does not fit in this frame.
     */
    public boolean addEdge(int pin, int level, long tick) {
        long t = tick & 0xFFFF_FFFFL;
        long delta = baseTs < 0 ? 0 : (t - (lastTs & 0xFFFF_FFFFL)) & 0xFFFF_FFFFL;
        int need = 1 + Leb128.size(delta);
        if (size + need > Frame.MAX_PAYLOAD) {
            return false;
        }
        long absolute = baseTs < 0 ? t : lastTs + delta;
        EventRecord.Edge edge = new EventRecord.Edge(pin, level, absolute);
        if (baseTs < 0) {
            baseTs = t;
        }
        lastTs = absolute;
        records.add(edge);
        size += need;
        return true;
    }

    /** Adds a LOST marker; returns false, adding nothing, when it does not fit in this frame. */
    public boolean addLost(int source, long count) {
        EventRecord.Lost lost = new EventRecord.Lost(source, count);
        int need = 2 + Leb128.size(count);
        if (size + need > Frame.MAX_PAYLOAD) {
            return false;
        }
        records.add(lost);
        size += need;
        return true;
    }

    /** The frame of everything added so far, and a fresh start for the next one. */
    public Answer.Events build(int seq) {
        Answer.Events ev = new Answer.Events(seq, Math.max(baseTs, 0), records);
        records.clear();
        size = 4;
        baseTs = -1;
        return ev;
    }
}
