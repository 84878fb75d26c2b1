package io.wakewire.measure;

import io.wakewire.task.Context;
import io.wakewire.task.Future;
import io.wakewire.task.Poll;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The loop the measurements share: take marks from a feed, one at a time, until {@code take} makes
 * a value of one (null: not yet). {@code take} keeps its state in its owner, so a later fold goes
 * on where this one stopped; it may throw (a {@link MeasureLostException}) to fail the future.
 */
final class MarkFold<T> implements Future<T> {

    private final EdgeFeed source;
    private final Function<Mark, T> take;
    private final Supplier<String> describe;
    private Future<Mark> pending;

    MarkFold(EdgeFeed source, Function<Mark, T> take, Supplier<String> describe) {
        this.source = source;
        this.take = take;
        this.describe = describe;
    }

    @Override
    public Poll<T> poll(Context cx) {
        for (;;) {
            if (pending == null) {
                pending = source.next();
            }
            Poll<Mark> p = pending.poll(cx);
            if (p.isPending()) {
                return Poll.pending();
            }
            pending = null;
            T out = take.apply(p.value());
            if (out != null) {
                return Poll.ready(out);
            }
        }
    }

    @Override
    public void cancel() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }

    @Override
    public String describe() {
        return describe.get();
    }
}
