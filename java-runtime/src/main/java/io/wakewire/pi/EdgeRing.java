package io.wakewire.pi;

import io.wakewire.pin.Edge;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A bounded, lock-free ring of edges: many producers (Pi4J listener threads, or whichever
 * threads drive a mock pin), one consumer (the task awaiting the pin).
 *
 * <p>How it works: a producer claims the next position by a CAS on {@code tail}, but only while
 * {@code tail - head < capacity}; then it publishes the edge into the claimed slot. The consumer
 * takes the slot at {@code head}, clears it, and only then advances {@code head}, so a producer
 * that sees room also sees its slot already cleared. A claimed but not yet published slot reads
 * as empty; that is harmless because its producer wakes the consumer after publishing.
 *
 * <p>Trade-offs: {@link #offer} never blocks and never waits for the consumer; when the ring is
 * full the new edge is refused (the caller counts it), keeping the older edges in order up to
 * the gap. The alternative, overwriting the oldest, would need the producers to coordinate with
 * the consumer's reads, which a lock-free ring cannot do cheaply. Memory is fixed at creation:
 * one reference per slot, rounded up to a power of two.
 */
final class EdgeRing {

    private final int capacity;
    private final int mask;
    private final AtomicReferenceArray<Edge> slots;
    private final AtomicLong tail = new AtomicLong();
    /** Written only by the consumer, after it has cleared the slot it took. */
    private volatile long head;

    EdgeRing(int capacity) {
        if (capacity < 1 || capacity > (1 << 24)) {
            throw new IllegalArgumentException("edge buffer capacity must be 1.." + (1 << 24) + ", got " + capacity);
        }
        this.capacity = capacity;
        int size = Integer.highestOneBit(capacity) == capacity ? capacity : Integer.highestOneBit(capacity) << 1;
        this.mask = size - 1;
        this.slots = new AtomicReferenceArray<>(size);
    }

    /** Producer side, any thread: false when the ring is full (the edge is not stored). */
    boolean offer(Edge edge) {
        while (true) {
            long t = tail.get();
            if (t - head >= capacity) {
                return false;
            }
            if (tail.compareAndSet(t, t + 1)) {
                slots.set((int) t & mask, edge);
                return true;
            }
        }
    }

    /** Consumer side, one thread at a time: the oldest published edge, or null. */
    Edge poll() {
        long h = head;
        int i = (int) h & mask;
        Edge edge = slots.get(i);
        if (edge == null) {
            return null;
        }
        slots.set(i, null);
        head = h + 1;
        return edge;
    }

    /** Edges claimed but not yet taken (an instant's estimate under concurrent offers). */
    int size() {
        return (int) Math.max(0, tail.get() - head);
    }

    int capacity() {
        return capacity;
    }
}
