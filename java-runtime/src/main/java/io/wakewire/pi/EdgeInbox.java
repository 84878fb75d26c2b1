package io.wakewire.pi;

import io.wakewire.pin.Edge;
import io.wakewire.pin.EdgeFilter;
import io.wakewire.pin.EdgesLostException;
import io.wakewire.pin.Level;
import io.wakewire.task.Waker;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where one input pin's edges wait for its task: the bounded {@link EdgeRing}, the count of edges
 * lost to a full ring, and the one waker to call when something arrives.
 *
 * <p>Who owns what: {@link #deliver} runs on the listener's thread (a Pi4J thread on a real Pi;
 * the thread that called {@code mockState} under the mock plugin, possibly several at once) and
 * touches only atomics: no lock, no allocation beyond the {@link Edge}. Everything else runs on
 * the thread of the task that has claimed the inbox (one consumer at a time; see {@link #claim}).
 *
 * <p>No lost wake: the consumer publishes its waker and then looks at the ring again; a producer
 * publishes its edge and then takes the waker. Both are sequentially consistent (volatile/atomic)
 * accesses, so at least one side sees the other's write: either the consumer finds the edge on its
 * second look, or the producer finds the waker and wakes it. The producer takes the waker with
 * {@code getAndSet(null)}, so a burst of edges costs one wake, and the consumer registers afresh on
 * each Pending.
 */
final class EdgeInbox {

    private final String pin;
    private final EdgeRing ring;
    private final AtomicLong seen = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private final AtomicLong lostTotal = new AtomicLong();
    private final AtomicReference<Waker> waker = new AtomicReference<>();
    /** The future currently entitled to take edges, or null. */
    private final AtomicReference<Object> consumer = new AtomicReference<>();
    private volatile boolean closed;

    EdgeInbox(String pin, int capacity) {
        this.pin = pin;
        this.ring = new EdgeRing(capacity);
    }

    // ---- producer side: any thread ----------------------------------------------------------

    /** Record one edge; {@code nanos} was read first thing in the listener. */
    void deliver(Level level, long nanos) {
        seen.getAndIncrement();
        if (!ring.offer(Edge.onHost(pin, level, nanos))) {
            lost.incrementAndGet();
            lostTotal.incrementAndGet();
        }
        wakeConsumer();
    }

    void close() {
        closed = true;
        wakeConsumer();
    }

    /** Wakes the waiting consumer: an edge, the pin's close, or its stream closed under it. */
    void wakeConsumer() {
        Waker w = waker.getAndSet(null);
        if (w != null) {
            w.wake();
        }
    }

    // ---- consumer side: the claiming task's thread --------------------------------------------

    /**
     * Make {@code future} the one consumer of this pin until {@link #release}. Two tasks taking
     * edges from one pin would each see a random half of them, so a second one is refused.
     */
    void claim(Object future) {
        Object current = consumer.get();
        if (current == future) {
            return;
        }
        if (current != null || !consumer.compareAndSet(null, future)) {
            throw new IllegalStateException(pin + ": another wait on this pin is already pending ("
                    + consumer.get() + "); a pin has one consumer at a time: share one edge stream between tasks "
                    + "or await the edges in one task");
        }
    }

    /** Withdraw {@code future}'s claim and waker; harmless if it holds neither. */
    void release(Object future) {
        if (consumer.compareAndSet(future, null)) {
            waker.set(null);
        }
    }

    /**
     * The next edge the filter accepts, skipping (and consuming) the others; null when none is
     * buffered. Throws {@link EdgesLostException} first if edges were lost since the last report,
     * and {@link PinClosedException} once the pin is closed and drained.
     */
    Edge take(EdgeFilter filter) {
        long dropped = lost.getAndSet(0);
        if (dropped > 0) {
            throw new EdgesLostException("pi", pin, EdgesLostException.Reason.HOST_OVERFLOW, dropped, 0,
                    "the pin's edge buffer was full: the task did not keep up; consider a larger buffer or a debounce");
        }
        for (Edge e = ring.poll(); e != null; e = ring.poll()) {
            if (filter.accepts(e.level())) {
                return e;
            }
        }
        if (closed) {
            throw new PinClosedException(pin);
        }
        return null;
    }

    /** Drop the buffered edges and a pending loss report (the claiming task's start); returns the edges dropped. */
    int discard() {
        lost.set(0);
        int n = 0;
        while (ring.poll() != null) {
            n++;
        }
        return n;
    }

    /** Ask to be woken by the next edge, loss or close. The caller must look again afterwards. */
    void register(Waker w) {
        waker.set(w);
    }

    // ---- observation ---------------------------------------------------------------------------

    /** True while some future holds a waker here: what a cancelled wait must leave false. */
    boolean hasWaiter() {
        return waker.get() != null || consumer.get() != null;
    }

    /** True while a waker is registered: the consumer sleeps until the next edge. */
    boolean hasWaker() {
        return waker.get() != null;
    }

    int buffered() {
        return ring.size();
    }

    int capacity() {
        return ring.capacity();
    }

    long lostTotal() {
        return lostTotal.get();
    }

    long seen() {
        return seen.get();
    }

    boolean isClosed() {
        return closed;
    }
}
