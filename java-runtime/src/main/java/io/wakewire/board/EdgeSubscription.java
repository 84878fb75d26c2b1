package io.wakewire.board;

import io.wakewire.pin.Edge;
import io.wakewire.pin.EdgeFilter;
import io.wakewire.pin.EdgesLostException;

import io.wakewire.task.Context;
import io.wakewire.task.Future;
import io.wakewire.task.Waker;

import java.util.ArrayDeque;

/**
 * What one waiter on a pin has been given and not yet taken: edges, loss markers and failures,
 * in stream order. Losses and failures sit at the place in the stream where they happened, so a
 * consumer sees "edge, edge, 12 lost, edge" exactly as the board reported it.
 *
 * <p>Bounded by {@code capacity} edges: when full, the newest edges are dropped and counted into a
 * HOST_OVERFLOW marker at the tail (one marker per overflow episode). Markers never count against the
 * bound, so a loss can always be reported. Executor thread only.
 */
final class EdgeSubscription {

    /** A loss waiting to be reported; mutable so that an overflow episode collapses into one. */
    static final class Loss {
        final EdgesLostException.Reason cause;
        long count;
        final long frames;
        final String detail;

        Loss(EdgesLostException.Reason cause, long count, long frames, String detail) {
            this.cause = cause;
            this.count = count;
            this.frames = frames;
            this.detail = detail;
        }
    }

    final PinChannel pin;
    final EdgeFilter filter;
    private final int capacity;
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private int edges;
    private Waker waker;
    private boolean registered;
    private boolean started;
    /** The level the stream starts from (EdgeStream.initialLevel), null until read: edges up to it are dropped. */
    private PinLevel start;
    /** The ARM this subscription asked for at its start, until the board answered it. */
    private Future<Void> arming;

    EdgeSubscription(PinChannel pin, EdgeFilter filter, int capacity) {
        this.pin = pin;
        this.filter = filter;
        this.capacity = capacity;
    }

    void offerEdge(Edge e) {
        if (!filter.accepts(e.level()) || before(e)) {
            return;
        }
        if (edges >= capacity) {
            Object tail = queue.peekLast();
            if (tail instanceof Loss l && l.cause == EdgesLostException.Reason.HOST_OVERFLOW) {
                l.count++;
            } else {
                queue.addLast(new Loss(EdgesLostException.Reason.HOST_OVERFLOW, 1, 0, "this waiter's buffer of "
                        + capacity + " edges was full"));
            }
            pin.session.countHostDrop();
        } else {
            queue.addLast(e);
            edges++;
        }
        wake();
    }

    /**
     * Whether an edge happened before the read of the start level: its tick is earlier, or the same
     * tick to the level read (the read, with interrupts off, saw it; one after the read goes to the
     * other level).
     */
    private boolean before(Edge e) {
        long t = e.boardTicks().orElse(Long.MAX_VALUE);
        return start != null && (t < start.ticks() || t == start.ticks() && e.level() == start.level());
    }

    /** Starts the stream at {@code level}: drops the edges already queued that came before it. */
    void startAt(PinLevel level) {
        start = level;
        for (java.util.Iterator<Object> it = queue.iterator(); it.hasNext(); ) {
            if (it.next() instanceof Edge e && before(e)) {
                it.remove();
                edges--;
            }
        }
    }

    PinLevel startLevel() {
        return start;
    }

    /** Subscribed, and the ARM it asked for (if any) answered. */
    boolean armed() {
        return started && arming == null;
    }

    void offerLoss(EdgesLostException.Reason cause, long count, long frames, String detail) {
        queue.addLast(new Loss(cause, count, frames, detail));
        wake();
    }

    void offerFailure(BoardException e) {
        queue.addLast(e);
        wake();
    }

    /** The next item: an {@link Edge}, or null when empty; throws the loss or failure at the head. */
    Edge take() {
        Object head = queue.pollFirst();
        if (head == null) {
            return null;
        }
        if (head instanceof Edge e) {
            edges--;
            return e;
        }
        if (head instanceof Loss l) {
            throw new EdgesLostException(pin.session.label(), pin.name(), l.cause, l.count, l.frames, l.detail);
        }
        throw (BoardException) head;
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    void setWaker(Waker w) {
        waker = w;
    }

    private void wake() {
        Waker w = waker;
        if (w != null) {
            w.wake();
        }
    }

    void register() {
        if (!registered) {
            registered = true;
            pin.add(this);
        }
    }

    /**
     * At a waiter's first poll (later calls do nothing): checks that the session is usable,
     * subscribes to the pin, so nothing arriving after this is missed, and arms the board if the
     * pin is not armed for this filter yet. A session that is not usable is thrown here, and the
     * next poll checks again (started only once subscribed: a started subscription that never
     * subscribed would wait for good).
     */
    void start() {
        if (started) {
            return;
        }
        pin.session.checkUsable();
        started = true;
        register();
        arming = pin.ensureArmed(filter);
    }

    /** Polls the pending ARM, if any; its failure is thrown here (and the ARM forgotten). */
    void pollArming(Context cx) {
        if (arming == null) {
            return;
        }
        try {
            if (arming.poll(cx).isReady()) {
                arming = null;
            }
        } catch (RuntimeException e) {
            arming = null;
            throw e;
        }
    }

    /**
     * Closing a stream: unsubscribes, and wakes a next() another task awaits, so that its poll
     * finds the stream closed instead of waiting for good.
     */
    void close() {
        wake();
        unregister();
    }

    /** Unsubscribes, and cancels an ARM still pending. */
    void unregister() {
        if (arming != null) {
            arming.cancel();
            arming = null;
        }
        if (registered) {
            registered = false;
            pin.remove(this);
        }
        waker = null;
    }

    int buffered() {
        return edges;
    }
}
