package io.wakewire.wire;

/**
 * Why a receiver dropped a frame, as PROTOCOL.md section 1 lists them. (An empty frame, a 0x00 with
 * nothing before it, is harmless and not an error: senders use it to flush a receiver.)
 */
public enum FrameError {
    /** A COBS code byte points past the end of the frame, or a 0x00 is inside the encoded data. */
    COBS,
    /** More than 65 encoded bytes before the 0x00 (the body would exceed 64). */
    TOO_LONG,
    /** The decoded body is shorter than 4 bytes (type, seq, crc). */
    SHORT,
    /** The CRC does not match. */
    CRC;

    /** PROTOCOL.md's and the vectors file's name ("too_long"). */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The error for a vectors-file name, or null. */
    public static FrameError ofWireName(String name) {
        for (FrameError e : values()) {
            if (e.wireName().equals(name)) {
                return e;
            }
        }
        return null;
    }
}
