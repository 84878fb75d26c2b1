package io.wakewire.link;

import io.wakewire.task.Context;
import io.wakewire.task.Future;
import io.wakewire.task.Poll;

/**
 * Ready when a link has bytes to read or has ended. It registers the task's waker before it
 * looks at the buffer, so bytes that arrive between the look and the return of Pending still
 * wake the task (the same order as every waiter in {@code io.wakewire.sync}).
 */
final class ReadableFuture implements Future<Void> {

    private final SerialLink link;

    ReadableFuture(SerialLink link) {
        this.link = link;
    }

    @Override
    public Poll<Void> poll(Context cx) {
        link.setReadWaker(cx.waker());
        if (link.available() > 0 || link.state() != LinkState.OPEN) {
            return Poll.ready(null);
        }
        return Poll.pending();
    }

    @Override
    public void cancel() {
        link.setReadWaker(null);
    }

    @Override
    public String describe() {
        return "readable(" + link.name() + ")";
    }
}
