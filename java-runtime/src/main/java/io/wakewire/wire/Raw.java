package io.wakewire.wire;

import java.util.Arrays;

/**
 * A frame with a good CRC that the typed model does not cover: a type protocol v1 does not define
 * (a newer peer, or garbage that happened to pass the CRC), or a known type whose payload is too
 * short for its fields or malformed (an EVENTS record cut off). PROTOCOL.md has the host ignore and
 * count such frames; the board NAKs them. The vectors file writes them as {@code RAW}.
 */
public record Raw(int type, int seq, byte[] payload) implements Frame {

    public Raw {
        Fields.u8("type", type);
        Fields.u8("seq", seq);
        payload = Fields.bytes("payload", payload, MAX_PAYLOAD);
    }

    /** A copy of the payload bytes (the record stays immutable). */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** True when the type is one v1 defines (so the payload did not fit it). */
    public boolean knownType() {
        return FrameTypes.isKnown(type);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Raw r && r.type == type && r.seq == seq && Arrays.equals(r.payload, payload);
    }

    @Override
    public int hashCode() {
        return (type * 31 + seq) * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "Raw[type=0x" + Integer.toHexString(type) + ", seq=" + seq + ", payload=" + Fields.hex(payload) + "]";
    }
}
