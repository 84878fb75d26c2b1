package io.wakewire.board.config;

/** What sort of board a config describes (its {@code kind} key). */
public enum BoardKind {
    /** A microcontroller running the wakewire firmware on a serial line. */
    AVR,
    /** A Raspberry Pi's own GPIO, through Pi4J. */
    PI;

    /** The spelling in a .conf file. */
    public String confName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
