package io.wakewire.link;

/**
 * Where a {@link SerialLink} is in its life. It only ever moves forward: OPEN, then exactly
 * one of CLOSED or DISCONNECTED, whichever happened first.
 */
public enum LinkState {
    /** Bytes can be written and may arrive. */
    OPEN,
    /** This program called {@link SerialLink#close()}. */
    CLOSED,
    /** The other side went away: unplugged, the board or pty died, or the OS reported an I/O error. */
    DISCONNECTED
}
