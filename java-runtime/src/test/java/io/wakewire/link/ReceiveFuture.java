package io.wakewire.link;

import io.wakewire.task.Context;
import io.wakewire.task.Future;
import io.wakewire.task.Poll;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * Ready with exactly {@code n} bytes from a link: the shape of the board layer's read loop
 * (drain without blocking, then await {@link SerialLink#readable()}), as a test helper.
 */
final class ReceiveFuture implements Future<byte[]> {

    private final SerialLink link;
    private final ByteBuffer dst;
    private final Future<Void> readable;

    ReceiveFuture(SerialLink link, int n) {
        this.link = link;
        this.dst = ByteBuffer.allocate(n);
        this.readable = link.readable();
    }

    @Override
    public Poll<byte[]> poll(Context cx) {
        try {
            while (true) {
                link.read(dst);
                if (!dst.hasRemaining()) {
                    return Poll.ready(dst.array());
                }
                if (readable.poll(cx).isPending()) {
                    return Poll.pending();
                }
            }
        } catch (LinkClosedException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void cancel() {
        readable.cancel();
    }
}
