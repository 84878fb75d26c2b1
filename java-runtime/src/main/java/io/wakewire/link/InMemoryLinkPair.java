package io.wakewire.link;

import java.util.Objects;

/**
 * Two {@link SerialLink} ends connected to each other in memory, for unit tests of the layers
 * above the transport: a fake board on one end, the code under test on the other.
 *
 * <p>Faults a test can inject, each mirroring something a real port does:
 * <ul>
 *   <li>{@link #disconnect(String)}: both ends become DISCONNECTED at once (a cable pulled);</li>
 *   <li>{@link #failNextWrite(InMemoryLink, String)}: that end's next write fails and the pair is
 *       disconnected (an EIO on write);</li>
 *   <li>{@link #deliverInChunksOf(int)}: writes arrive in pieces of at most that many bytes, one
 *       wake per piece (a tty hands a frame over in several reads).</li>
 * </ul>
 * Closing one end is a disconnect for the other one.
 */
public final class InMemoryLinkPair {

    private final InMemoryLink a;
    private final InMemoryLink b;
    private volatile int chunk = Integer.MAX_VALUE;
    private String faultA; // guarded by this
    private String faultB; // guarded by this

    private InMemoryLinkPair(String nameA, String nameB, int capacity) {
        a = new InMemoryLink(nameA, this, capacity);
        b = new InMemoryLink(nameB, this, capacity);
        a.connect(b);
        b.connect(a);
    }

    /** A pair whose ends are called "host" and "board", each buffering up to 64 KiB. */
    public static InMemoryLinkPair create() {
        return create("host", "board", ReceiveBuffer.DEFAULT_CAPACITY);
    }

    public static InMemoryLinkPair create(String nameA, String nameB, int capacityPerEnd) {
        Objects.requireNonNull(nameA, "nameA");
        Objects.requireNonNull(nameB, "nameB");
        return new InMemoryLinkPair(nameA, nameB, capacityPerEnd);
    }

    public InMemoryLink a() {
        return a;
    }

    public InMemoryLink b() {
        return b;
    }

    /** Both ends become DISCONNECTED with {@code why} in their exceptions; no-op if already ended. */
    public void disconnect(String why) {
        a.inbox.end(LinkState.DISCONNECTED, why, null);
        b.inbox.end(LinkState.DISCONNECTED, why, null);
    }

    /** The next write on {@code end} fails with {@code why} and disconnects the pair. */
    public synchronized void failNextWrite(InMemoryLink end, String why) {
        Objects.requireNonNull(why, "why");
        if (end == a) {
            faultA = why;
        } else if (end == b) {
            faultB = why;
        } else {
            throw new IllegalArgumentException(end + " is not an end of this pair");
        }
    }

    /** From now on every write arrives in pieces of at most {@code maxBytes}. */
    public void deliverInChunksOf(int maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("chunk size must be positive, got " + maxBytes);
        }
        chunk = maxBytes;
    }

    int deliveryChunk() {
        return chunk;
    }

    synchronized String takeWriteFault(InMemoryLink end) {
        String f;
        if (end == a) {
            f = faultA;
            faultA = null;
        } else {
            f = faultB;
            faultB = null;
        }
        return f;
    }
}
