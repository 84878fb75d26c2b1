package io.wakewire.link;

import java.util.Objects;

/**
 * One end of an {@link InMemoryLinkPair}: what it writes appears in the other end's receive
 * buffer, on the writer's thread, with the other end's waker woken. Nothing blocks: a write that
 * does not fit into the other end's buffer fails with an {@link IllegalStateException} (a test
 * that writes more than it reads should say so, not hang).
 */
public final class InMemoryLink extends ReceiveBufferLink {

    private final InMemoryLinkPair pair;
    private InMemoryLink peer;

    InMemoryLink(String name, InMemoryLinkPair pair, int capacity) {
        super(name, capacity);
        this.pair = pair;
    }

    void connect(InMemoryLink other) {
        this.peer = other;
    }

    @Override
    public void write(byte[] data, int off, int len) throws LinkClosedException {
        Objects.checkFromIndexSize(off, len, data.length);
        if (inbox.state() != LinkState.OPEN) {
            throw inbox.closedException();
        }
        String fault = pair.takeWriteFault(this);
        if (fault != null) {
            pair.disconnect(fault);
            throw inbox.closedException();
        }
        synchronized (this) { // one writer at a time, so concurrent frames do not interleave
            int chunk = pair.deliveryChunk();
            for (int done = 0; done < len; done += chunk) {
                int n = Math.min(chunk, len - done);
                if (!peer.inbox.tryPut(data, off + done, n)) {
                    if (peer.inbox.state() != LinkState.OPEN) {
                        throw inbox.closedException(); // the peer ended meanwhile: so did we
                    }
                    throw new IllegalStateException("in-memory link " + name + " -> " + peer.name
                            + ": the receiving end's buffer is full (" + peer.inbox.available()
                            + " bytes unread); read from " + peer.name + " or make the pair bigger");
                }
            }
        }
    }

    /** Closes this end; the other end sees DISCONNECTED, as a board sees its host go away. */
    @Override
    public void close() {
        if (inbox.end(LinkState.CLOSED, null, null)) {
            peer.inbox.end(LinkState.DISCONNECTED, "the other end (" + name + ") was closed", null);
        }
    }

    @Override
    public String toString() {
        return "InMemoryLink[" + name + ", " + state() + "]";
    }
}
