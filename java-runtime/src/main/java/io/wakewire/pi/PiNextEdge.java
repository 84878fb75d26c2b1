package io.wakewire.pi;

import io.wakewire.pin.Edge;
import io.wakewire.pin.EdgeFilter;
import io.wakewire.task.Context;
import io.wakewire.task.Future;
import io.wakewire.task.Poll;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The future of the next edge on one Pi pin that a filter accepts. At its first poll it claims the
 * pin and, when {@code startFresh} says so, drops what the pin buffered before (edges and a pending
 * loss), so that {@code nextEdge} returns an edge that happens after it is awaited, as a board
 * pin's does; a stream's later {@code next()} calls keep the buffer.
 *
 * <p>The pending path allocates nothing: it stores the context's waker in the pin's inbox and
 * returns the shared Pending. Cancelling withdraws the waker and the claim on the pin, leaving
 * the edges buffered for the next wait.
 */
final class PiNextEdge implements Future<Edge> {

    private final EdgeInbox inbox;
    private final EdgeFilter filter;
    private final String pin;
    private final BooleanSupplier startFresh;
    /** What was closed under this wait, when a stream's next() was (then its poll fails); null: never. */
    private final Supplier<String> closedUnder;
    private boolean polled;
    private boolean done;

    PiNextEdge(EdgeInbox inbox, String pin, EdgeFilter filter, BooleanSupplier startFresh) {
        this(inbox, pin, filter, startFresh, () -> null);
    }

    PiNextEdge(EdgeInbox inbox, String pin, EdgeFilter filter, BooleanSupplier startFresh,
               Supplier<String> closedUnder) {
        this.inbox = inbox;
        this.pin = pin;
        this.filter = filter;
        this.startFresh = startFresh;
        this.closedUnder = closedUnder;
    }

    @Override
    public Poll<Edge> poll(Context cx) {
        if (done) {
            throw new IllegalStateException(pin + ": this nextEdge future has already completed; "
                    + "call nextEdge() again for the next edge");
        }
        String closed = closedUnder.get();
        if (closed != null) {
            finish();
            throw new IllegalStateException(closed);
        }
        inbox.claim(this);
        try {
            if (!polled) {
                polled = true;
                if (startFresh.getAsBoolean()) {
                    inbox.discard();
                }
            }
            Edge edge = inbox.take(filter);
            if (edge == null) {
                inbox.register(cx.waker());
                edge = inbox.take(filter);   // the look again that makes a racing edge safe
            }
            if (edge == null) {
                return Poll.pending();
            }
            finish();
            return Poll.ready(edge);
        } catch (RuntimeException e) {
            finish();
            throw e;
        }
    }

    @Override
    public void cancel() {
        finish();
    }

    private void finish() {
        done = true;
        inbox.release(this);
    }

    @Override
    public String describe() {
        return pin + " next " + filter + " edge (" + inbox.buffered() + " buffered)";
    }

    @Override
    public String toString() {
        return describe();
    }
}
