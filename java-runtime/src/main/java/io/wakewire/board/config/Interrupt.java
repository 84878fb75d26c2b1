package io.wakewire.board.config;

/**
 * The AVR interrupt vector that serves a pin's edges, with its drop source number
 * (avr-firmware/PROTOCOL.md section 4): the number LOST markers and STATS use for that vector.
 */
public enum Interrupt {
    INT0(0), INT1(1), INT2(2), INT3(3), INT4(4), INT5(5),
    PCINT0(8), PCINT1(9), PCINT2(10);

    private final int dropSource;

    Interrupt(int dropSource) {
        this.dropSource = dropSource;
    }

    /** The drop source number of PROTOCOL.md section 4. */
    public int dropSource() {
        return dropSource;
    }

    /** True for a pin-change group (several pins share the vector), false for an external INTn. */
    public boolean pinChange() {
        return dropSource >= 8;
    }

    /** The spelling in a .conf file ({@code int0}, {@code pcint2}). */
    public String confName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The interrupt for a .conf spelling, or null. */
    static Interrupt ofConfName(String s) {
        for (Interrupt i : values()) {
            if (i.confName().equals(s)) {
                return i;
            }
        }
        return null;
    }
}
