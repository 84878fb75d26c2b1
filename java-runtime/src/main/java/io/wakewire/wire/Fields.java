package io.wakewire.wire;

/** Range checks for the fixed-width fields of frame records, with messages that name the field. */
final class Fields {

    private Fields() {
    }

    static int u8(String field, int v) {
        if ((v & ~0xFF) != 0) {
            throw new IllegalArgumentException(field + " = " + v + " does not fit in a byte (0..255)");
        }
        return v;
    }

    static int u16(String field, int v) {
        if ((v & ~0xFFFF) != 0) {
            throw new IllegalArgumentException(field + " = " + v + " does not fit in 16 bits (0..65535)");
        }
        return v;
    }

    static long u32(String field, long v) {
        if ((v & ~0xFFFF_FFFFL) != 0) {
            throw new IllegalArgumentException(field + " = " + v + " does not fit in 32 bits (0..4294967295)");
        }
        return v;
    }

    static byte[] bytes(String field, byte[] v, int max) {
        if (v == null) {
            throw new IllegalArgumentException(field + " is null");
        }
        if (v.length > max) {
            throw new IllegalArgumentException(field + " has " + v.length + " bytes; at most " + max + " fit");
        }
        return v.clone();
    }

    static String hex(byte[] data) {
        if (data.length == 0) {
            return "-";
        }
        StringBuilder sb = new StringBuilder(data.length * 2);
        for (byte b : data) {
            sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString();
    }
}
