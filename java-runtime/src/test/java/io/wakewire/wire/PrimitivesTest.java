package io.wakewire.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** CRC-16/X-25, COBS and LEB128 against the figures PROTOCOL.md and the COBS paper give. */
class PrimitivesTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    @Test
    void crcCheckValue() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0x906E, Crc16.of(check, 0, check.length));
    }

    @Test
    void theRegisterOverBodyAndCrcIsTheResidue() {
        byte[] b = HEX.parseHex("87 01 01 aa 00 00");
        int crc = Crc16.of(b, 0, 4);
        b[4] = (byte) crc;
        b[5] = (byte) (crc >>> 8);
        assertEquals(Crc16.RESIDUE, Crc16.register(b, 0, 6));
    }

    @Test
    void crcByteAtATimeEqualsBlock() {
        byte[] data = HEX.parseHex("87 01 01 aa");
        int crc = Crc16.INIT;
        for (byte b : data) {
            crc = Crc16.update(crc, b);
        }
        assertEquals(Crc16.register(data, 0, data.length), crc);
        assertEquals(Crc16.of(data, 0, data.length), crc ^ 0xFFFF);
    }

    @Test
    void cobsExamplesFromThePaper() {
        assertCobs("00", "01 01");
        assertCobs("00 00", "01 01 01");
        assertCobs("11 22 00 33", "03 11 22 02 33");
        assertCobs("11 22 33 44", "05 11 22 33 44");
        assertCobs("11 00 00 00", "02 11 01 01 01");
    }

    @Test
    void cobsBlockOf254NonZeroBytesUsesCodeFF() {
        byte[] body = new byte[300];
        Arrays.fill(body, (byte) 7);
        byte[] enc = new byte[Cobs.maxEncodedLength(body.length)];
        int n = Cobs.encode(body, 0, body.length, enc, 0);
        assertEquals(302, n);
        assertEquals((byte) 0xFF, enc[0]);
        byte[] dec = new byte[n];
        assertEquals(300, Cobs.decode(enc, 0, n, dec, 0));
        assertEquals(HEX.formatHex(body), HEX.formatHex(Arrays.copyOf(dec, 300)));
    }

    @Test
    void cobsRejectsCodePastTheEndAndZeroInside() {
        byte[] pastEnd = HEX.parseHex("05 81 02");
        assertEquals(Cobs.MALFORMED, Cobs.decode(pastEnd, 0, pastEnd.length, new byte[8], 0));
        byte[] zeroInside = HEX.parseHex("03 11 00 01");
        assertEquals(Cobs.MALFORMED, Cobs.decode(zeroInside, 0, zeroInside.length, new byte[8], 0));
    }

    @Test
    void leb128ExamplesFromTheProtocol() {
        assertLeb(0, "00");
        assertLeb(127, "7f");
        assertLeb(128, "80 01");
        assertLeb(300, "ac 02");
        assertLeb(0xFFFF_FFFFL, "ff ff ff ff 0f");
    }

    @Test
    void leb128RejectsCutOffOverlongAndAbove32Bits() {
        byte[] cut = HEX.parseHex("80 80");
        assertEquals(-1, Leb128.read(cut, 0, cut.length));
        byte[] six = HEX.parseHex("80 80 80 80 80 00");
        assertEquals(-1, Leb128.read(six, 0, six.length));
        byte[] big = HEX.parseHex("ff ff ff ff 1f");
        assertEquals(-1, Leb128.read(big, 0, big.length));
        assertThrows(IllegalArgumentException.class, () -> Leb128.write(1L << 32, new byte[8], 0));
        assertThrows(IllegalArgumentException.class, () -> Leb128.write(-1, new byte[8], 0));
    }

    private static void assertCobs(String body, String encoded) {
        byte[] b = HEX.parseHex(body);
        byte[] out = new byte[Cobs.maxEncodedLength(b.length)];
        int n = Cobs.encode(b, 0, b.length, out, 0);
        assertEquals(encoded, HEX.formatHex(Arrays.copyOf(out, n)));
        byte[] back = new byte[n];
        int m = Cobs.decode(out, 0, n, back, 0);
        assertEquals(body, HEX.formatHex(Arrays.copyOf(back, m)));
    }

    private static void assertLeb(long value, String hex) {
        byte[] out = new byte[8];
        int n = Leb128.write(value, out, 0);
        assertEquals(hex, HEX.formatHex(Arrays.copyOf(out, n)));
        assertEquals(n, Leb128.size(value));
        long packed = Leb128.read(out, 0, n);
        assertEquals(value, Leb128.value(packed));
        assertEquals(n, Leb128.length(packed));
    }
}
