package io.wakewire.task;

import java.util.function.Function;

/**
 * {@link Futures#andThen}: when the first future completes, its value chooses the second future,
 * whose value is the result. Cancelling cancels whichever stage is current.
 */
final class AndThen<T, R> implements Future<R> {

    private Future<T> first;
    private Function<? super T, ? extends Future<R>> next;
    private Future<R> second;

    AndThen(Future<T> first, Function<? super T, ? extends Future<R>> next) {
        this.first = first;
        this.next = next;
    }

    @Override
    public Poll<R> poll(Context cx) {
        if (second == null) {
            Poll<T> p = first.poll(cx);
            if (p.isPending()) {
                return Poll.pending();
            }
            Future<R> chosen = next.apply(p.value());
            if (chosen == null) {
                throw new IllegalStateException("andThen: the function returned a null future");
            }
            second = chosen;
            first = null;
            next = null;
        }
        return second.poll(cx);
    }

    @Override
    public void cancel() {
        if (second != null) {
            second.cancel();
        } else if (first != null) {
            first.cancel();
        }
    }

    @Override
    public String describe() {
        return second != null ? second.describe() : "andThen(" + first.describe() + ")";
    }
}
