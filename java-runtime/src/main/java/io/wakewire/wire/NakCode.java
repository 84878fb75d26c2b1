package io.wakewire.wire;

/** The NAK codes of PROTOCOL.md section 2, with what each one's {@code detail} byte means. */
public enum NakCode {
    /** detail: the offending type byte. */
    UNKNOWN_COMMAND(1),
    /** detail: the payload length received. */
    BAD_LENGTH(2),
    /** detail: the pin number. */
    BAD_PIN(3),
    /** detail: offset of the bad byte in the payload (req_id is offset 0). */
    BAD_ARGUMENT(4),
    /** detail: 0 (an analog conversion is already running), or the pin (SERVO, PWM_WRITE: the timer is taken). */
    BUSY(5),
    /** detail: the pin number (no interrupt or no PWM on that pin). */
    NOT_CAPABLE(6),
    /** A code this protocol version does not define (a newer firmware). */
    UNKNOWN(-1);

    private final int code;

    NakCode(int code) {
        this.code = code;
    }

    /** The byte on the wire; -1 for {@link #UNKNOWN}. */
    public int code() {
        return code;
    }

    /** The lower-case name PROTOCOL.md uses ("bad_pin"). */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The constant for a code byte, {@link #UNKNOWN} for one v1 does not define. */
    public static NakCode of(int code) {
        return code >= 1 && code <= 6 ? values()[code - 1] : UNKNOWN;
    }
}
