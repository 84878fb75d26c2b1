package io.wakewire.wire;

/**
 * Consistent Overhead Byte Stuffing (Cheshire and Baker, 1999): rewrites a body so that it holds
 * no 0x00, which leaves 0x00 free to end a frame. A receiver that starts mid-stream or sees
 * garbage resynchronises at the next 0x00.
 *
 * <p>Each block is a code byte {@code n} (1..255) followed by {@code n-1} data bytes; a code below
 * 255 stands for a 0x00 after its data unless it is the last block. The overhead is one byte per
 * 254 body bytes, so a wire body of at most 64 bytes always costs exactly one byte. These methods
 * work on caller-provided arrays and allocate nothing; they do not add or expect the final 0x00.
 */
public final class Cobs {

    /** Returned by {@link #decode} for a malformed block. */
    public static final int MALFORMED = -1;

    private Cobs() {
    }

    /** The most bytes {@link #encode} can write for {@code len} input bytes. */
    public static int maxEncodedLength(int len) {
        return len + len / 254 + 1;
    }

    /**
     * Encodes {@code len} bytes of {@code src} from {@code srcOff} into {@code dst} at {@code dstOff}
     * (which needs {@link #maxEncodedLength} bytes of room); returns the number of bytes written.
     */
    public static int encode(byte[] src, int srcOff, int len, byte[] dst, int dstOff) {
        int codeAt = dstOff;
        int out = dstOff + 1;
        int code = 1;
        for (int i = srcOff, end = srcOff + len; i < end; i++) {
            byte b = src[i];
            if (b == 0) {
                dst[codeAt] = (byte) code;
                codeAt = out++;
                code = 1;
            } else {
                dst[out++] = b;
                if (++code == 0xFF) {
                    dst[codeAt] = (byte) code;
                    codeAt = out++;
                    code = 1;
                }
            }
        }
        dst[codeAt] = (byte) code;
        return out - dstOff;
    }

    /**
     * Decodes {@code len} encoded bytes of {@code src} from {@code srcOff} (without the final 0x00)
     * into {@code dst} at {@code dstOff}, which needs {@code len} bytes of room. Returns the decoded
     * length, or {@link #MALFORMED} when a code byte points past the end or a 0x00 appears inside
     * the data (PROTOCOL.md error {@code cobs}). Decoding may run in place ({@code src == dst},
     * {@code dstOff <= srcOff}).
     */
    public static int decode(byte[] src, int srcOff, int len, byte[] dst, int dstOff) {
        int in = srcOff;
        int end = srcOff + len;
        int out = dstOff;
        while (in < end) {
            int code = src[in++] & 0xFF;
            if (code == 0 || in + code - 1 > end) {
                return MALFORMED;
            }
            for (int k = 1; k < code; k++) {
                byte b = src[in++];
                if (b == 0) {
                    return MALFORMED;
                }
                dst[out++] = b;
            }
            if (code != 0xFF && in < end) {
                dst[out++] = 0;
            }
        }
        return out - dstOff;
    }
}
