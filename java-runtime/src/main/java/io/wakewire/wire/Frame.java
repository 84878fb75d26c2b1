package io.wakewire.wire;

/**
 * One valid frame of the wire protocol (avr-firmware/PROTOCOL.md), decoded: its type, its
 * sequence number, and its payload as typed fields.
 *
 * <p>Three kinds: a {@link Command} (host to board, types 0x80..0xFF), an {@link Answer} (board to
 * host, 0x00..0x7F), or a {@link Raw} frame whose type the protocol does not define or whose
 * payload is too short (or malformed) for its type. Records validate their field ranges when
 * built, so every {@code Frame} that exists can be encoded, except that a frame's payload must also
 * fit in {@link #MAX_PAYLOAD} bytes, which {@link FrameEncoder} checks.
 */
public sealed interface Frame permits Command, Answer, Raw {

    /** Most payload bytes in one frame (body 64 = type + seq + payload + crc). */
    int MAX_PAYLOAD = 60;
    /** Most body bytes: type, seq, payload, crc. */
    int MAX_BODY = 64;
    /** Fewest body bytes: type, seq, crc. */
    int MIN_BODY = 4;
    /** Most encoded bytes before the final 0x00 (a 64-byte body plus one COBS code byte). */
    int MAX_ENCODED = 65;
    /** Most bytes of one frame on the wire, the final 0x00 included. */
    int MAX_WIRE = 66;

    /** The type byte (0..255). */
    int type();

    /** The sender's sequence number (0..255, +1 per frame, wrapping). */
    int seq();
}
