package io.wakewire.wire;

/**
 * CRC-16/X-25 (also IBM-SDLC), the frame check of wire protocol version 2: reflected polynomial
 * 0x8408, init 0xFFFF, final xor 0xFFFF; {@code check("123456789") = 0x906E}. The register
 * ({@link #update} from {@link #INIT}) is what avr-libc's {@code _crc_ccitt_update()} computes,
 * so the firmware pays a few instructions per byte and the host matches it bit for bit.
 *
 * <p>Why the final xor: version 1 used the register itself (CRC-16/MCRF4XX). Then the register
 * over a good body and its CRC is 0, and stays 0 through any zero bytes after it, so a frame
 * corrupted into "body + 0x00" (a 0x01 inserted before the delimiter, or a COBS code byte
 * dropped) still checked and lost its edges silently. With the final xor, the register over body
 * and CRC is the constant {@link #RESIDUE}, which a zero byte moves.
 *
 * <p>Trade-off: a 256-entry table (512 bytes of heap, built once) instead of the 8-step bit loop,
 * because the host checks every byte of a 20,000-edges-per-second stream.
 */
public final class Crc16 {

    /** The value the register starts from. */
    public static final int INIT = 0xFFFF;

    /** The register after a body and its correct CRC (low byte first), whatever the body. */
    public static final int RESIDUE = 0xF0B8;

    private static final char[] TABLE = new char[256];

    static {
        for (int i = 0; i < 256; i++) {
            int crc = i;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x8408 : crc >>> 1;
            }
            TABLE[i] = (char) crc;
        }
    }

    private Crc16() {
    }

    /** Feeds one byte (its low 8 bits) into the register {@code crc}; returns the new 16-bit register. */
    public static int update(int crc, int b) {
        return (crc >>> 8) ^ TABLE[(crc ^ b) & 0xFF];
    }

    /** The X-25 CRC of {@code len} bytes of {@code data} from {@code off}: the register's complement. */
    public static int of(byte[] data, int off, int len) {
        return register(data, off, len) ^ 0xFFFF;
    }

    /** The register after {@code len} bytes of {@code data} from {@code off}, started from {@link #INIT}. */
    public static int register(byte[] data, int off, int len) {
        int crc = INIT;
        for (int i = off, end = off + len; i < end; i++) {
            crc = (crc >>> 8) ^ TABLE[(crc ^ data[i]) & 0xFF];
        }
        return crc;
    }
}
