package io.wakewire.board;

import io.wakewire.pin.Edge;
import io.wakewire.pin.EdgeFilter;
import io.wakewire.pin.EdgesLostException;
import io.wakewire.task.Context;
import io.wakewire.task.Future;
import io.wakewire.task.Poll;

/**
 * The first edge matching a filter that arrives after this future's first poll: {@link Pin#nextEdge}.
 * At the first poll it subscribes to the pin (so nothing arriving after that is missed) and arms
 * the board if needed; it is woken by the session's reader when an edge, a loss or a disconnect
 * reaches the pin. A loss before the edge is thrown as {@link EdgesLostException} (a one-shot wait
 * cannot know whether the lost edge was the one it wanted). Cancelling unsubscribes.
 */
final class BoardNextEdge implements Future<Edge> {

    private final EdgeSubscription sub;
    private boolean done;

    BoardNextEdge(PinChannel pin, EdgeFilter filter) {
        this.sub = new EdgeSubscription(pin, filter, 1);
    }

    @Override
    public Poll<Edge> poll(Context cx) {
        if (done) {
            throw new IllegalStateException("nextEdge(" + sub.pin.name() + ") polled after completion");
        }
        sub.setWaker(cx.waker());
        sub.start();
        try {
            sub.pollArming(cx);
            Edge e = sub.take();
            if (e == null) {
                return Poll.pending();
            }
            finish();
            return Poll.ready(e);
        } catch (RuntimeException ex) {
            finish();
            throw ex;
        }
    }

    private void finish() {
        done = true;
        sub.unregister();
    }

    @Override
    public void cancel() {
        if (!done) {
            finish();
        }
    }

    @Override
    public String describe() {
        return "nextEdge(" + sub.pin.session.label() + " " + sub.pin.name() + " " + sub.filter + ")";
    }
}
