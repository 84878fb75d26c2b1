package io.wakewire.wire;

/**
 * Unsigned LEB128 limited to 32-bit values, as EVENTS deltas and LOST counts use it: 7 bits per
 * byte, least significant group first, bit 7 set on every byte but the last; at most 5 bytes.
 * (0 is {@code 00}, 127 {@code 7F}, 128 {@code 80 01}, 2^32-1 {@code FF FF FF FF 0F}.)
 *
 * <p>Small deltas are the common case (edges a few hundred microseconds apart), which is why a
 * variable-length integer beats a fixed u16/u32: two bytes per edge instead of three or five.
 */
public final class Leb128 {

    /** The most bytes one value takes. */
    public static final int MAX_BYTES = 5;

    /** Largest encodable value (2^32 - 1). */
    public static final long MAX_VALUE = 0xFFFF_FFFFL;

    private Leb128() {
    }

    /** How many bytes {@code value} (0..2^32-1) takes. */
    public static int size(long value) {
        int n = 1;
        while ((value >>>= 7) != 0) {
            n++;
        }
        return n;
    }

    /** Writes {@code value} (0..2^32-1) at {@code off}; returns the offset after it. */
    public static int write(long value, byte[] dst, int off) {
        if (value < 0 || value > MAX_VALUE) {
            throw new IllegalArgumentException("LEB128 value " + value + " is outside 0..2^32-1");
        }
        while (value >= 0x80) {
            dst[off++] = (byte) (value | 0x80);
            value >>>= 7;
        }
        dst[off++] = (byte) value;
        return off;
    }

    /**
     * Reads one value from {@code src} starting at {@code off}, not reading at or past {@code end}.
     * Returns {@code (value << 8) | bytesRead}, or -1 when the value is cut off by {@code end},
     * longer than 5 bytes, or above 2^32-1. Packing both results in one long keeps the hot path
     * (every EVENTS edge) free of allocation; take them apart with {@link #value} and {@link #length}.
     */
    public static long read(byte[] src, int off, int end) {
        long value = 0;
        for (int i = 0; i < MAX_BYTES; i++) {
            if (off + i >= end) {
                return -1;
            }
            int b = src[off + i] & 0xFF;
            value |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                return value > MAX_VALUE ? -1 : (value << 8) | (i + 1);
            }
        }
        return -1;
    }

    /** The value part of a successful {@link #read}. */
    public static long value(long packed) {
        return packed >>> 8;
    }

    /** The byte count part of a successful {@link #read}. */
    public static int length(long packed) {
        return (int) (packed & 0xFF);
    }
}
