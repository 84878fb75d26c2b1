package io.wakewire.task;

/**
 * {@link Futures#either}: {@link Race}'s rules for exactly two futures of different types: the
 * first to complete wins (the first one on a tie), the other is cancelled at once, and a failure
 * also ends the race after the other is cancelled.
 */
final class RaceTwo<A, B> implements Future<Either<A, B>> {

    private final Future<A> first;
    private final Future<B> second;
    private boolean done;

    RaceTwo(Future<A> first, Future<B> second) {
        if (first == null || second == null) {
            throw new IllegalArgumentException("either: " + (first == null ? "first" : "second") + " future is null");
        }
        this.first = first;
        this.second = second;
    }

    @Override
    public Poll<Either<A, B>> poll(Context cx) {
        if (done) {
            throw new IllegalStateException("either polled after it completed");
        }
        Poll<A> a;
        try {
            a = first.poll(cx);
        } catch (Throwable t) {
            end(second, t);
            throw t;
        }
        if (a.isReady()) {
            end(second, null);
            return Poll.ready(new Either.First<>(a.value()));
        }
        Poll<B> b;
        try {
            b = second.poll(cx);
        } catch (Throwable t) {
            end(first, t);
            throw t;
        }
        if (b.isReady()) {
            end(first, null);
            return Poll.ready(new Either.Second<>(b.value()));
        }
        return Poll.pending();
    }

    /** Finish and cancel the loser; a loser's cancel failure is thrown, or added to {@code failure}. */
    private void end(Future<?> loser, Throwable failure) {
        done = true;
        try {
            loser.cancel();
        } catch (Throwable t) {
            if (failure == null) {
                throw t;
            }
            failure.addSuppressed(t);
        }
    }

    @Override
    public void cancel() {
        if (done) {
            return;
        }
        done = true;
        Throwable problem = null;
        for (Future<?> f : new Future<?>[] {first, second}) {
            try {
                f.cancel();
            } catch (Throwable t) {
                problem = t;
            }
        }
        if (problem != null) {
            throw Sneaky.rethrow(problem);
        }
    }

    @Override
    public String describe() {
        return "either(" + first.describe() + ", " + second.describe() + ")";
    }
}
