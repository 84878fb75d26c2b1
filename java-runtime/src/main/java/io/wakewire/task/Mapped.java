package io.wakewire.task;

import java.util.function.Function;

/** {@link Futures#map}: applies a function to the value of a future when it completes. */
final class Mapped<T, R> implements Future<R> {

    private final Future<T> source;
    private final Function<? super T, ? extends R> fn;

    Mapped(Future<T> source, Function<? super T, ? extends R> fn) {
        this.source = source;
        this.fn = fn;
    }

    @Override
    public Poll<R> poll(Context cx) {
        Poll<T> p = source.poll(cx);
        return p.isReady() ? Poll.ready(fn.apply(p.value())) : Poll.pending();
    }

    @Override
    public void cancel() {
        source.cancel();
    }

    @Override
    public String describe() {
        return "map(" + source.describe() + ")";
    }
}
