package io.wakewire.pi;

import io.wakewire.task.Context;
import io.wakewire.task.Future;
import io.wakewire.task.Poll;

/**
 * The future of the next edge on one pin that a filter accepts. Edges that arrived before the
 * first poll count (they were buffered for this), so a loop of {@code await(pin.nextEdge(..))}
 * misses nothing between iterations.
 *
 * <p>The pending path allocates nothing: it stores the context's waker in the pin's inbox and
 * returns the shared Pending. Cancelling withdraws the waker and the claim on the pin, leaving
 * the edges buffered for the next wait.
 */
final class NextEdge implements Future<Edge> {

    private final EdgeInbox inbox;
    private final EdgeFilter filter;
    private final int pin;
    private boolean done;

    NextEdge(EdgeInbox inbox, int pin, EdgeFilter filter) {
        this.inbox = inbox;
        this.pin = pin;
        this.filter = filter;
    }

    @Override
    public Poll<Edge> poll(Context cx) {
        if (done) {
            throw new IllegalStateException("GPIO" + pin + ": this nextEdge future has already completed; "
                    + "call nextEdge() again for the next edge");
        }
        inbox.claim(this);
        try {
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
        return "GPIO" + pin + " next " + filter + " edge (" + inbox.buffered() + " buffered)";
    }

    @Override
    public String toString() {
        return describe();
    }
}
