package io.wakewire.task;

/**
 * Pending once (after waking its own task), then Ready: lets every other runnable task take a
 * turn first, since the executor puts a self-woken task at the back of the next turn.
 */
final class YieldNow implements Future<Void> {

    /** Package-private: the continuation engine's await takes the same step without a poll. */
    boolean yielded;

    @Override
    public Poll<Void> poll(Context cx) {
        if (yielded) {
            return Poll.ready(null);
        }
        yielded = true;
        cx.waker().wake();
        return Poll.pending();
    }

    @Override
    public String describe() {
        return "yieldNow";
    }
}
