package io.wakewire.link;

import java.io.IOException;

/**
 * A read or write on a link that is no longer open. {@link #state()} says why: closed by this
 * program, or disconnected (with the OS's error as the cause, when there was one). The board
 * layer reconnects on a disconnect and stops on a close, so the two must not be confused.
 */
public final class LinkClosedException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String linkName;
    private final LinkState state;

    public LinkClosedException(String linkName, LinkState state, String detail, Throwable cause) {
        super(message(linkName, state, detail), cause);
        if (state == LinkState.OPEN) {
            throw new IllegalArgumentException("a LinkClosedException needs a terminal state, not OPEN");
        }
        this.linkName = linkName;
        this.state = state;
    }

    private static String message(String linkName, LinkState state, String detail) {
        String what = state == LinkState.CLOSED ? " was closed" : " disconnected";
        return "link " + linkName + what + (detail == null || detail.isEmpty() ? "" : ": " + detail);
    }

    /** The port (or in-memory end) this link was named after. */
    public String linkName() {
        return linkName;
    }

    /** CLOSED or DISCONNECTED, never OPEN. */
    public LinkState state() {
        return state;
    }

    /** True when the other side went away (as opposed to this program closing the link). */
    public boolean isDisconnect() {
        return state == LinkState.DISCONNECTED;
    }
}
