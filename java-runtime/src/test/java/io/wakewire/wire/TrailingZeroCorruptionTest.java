package io.wakewire.wire;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two corruptions protocol version 1 let through: each makes the receiver decode the body with
 * a zero byte appended (or with its last byte, a zero, cut off), which version 1's CRC (no final
 * xor) still accepted, so the EVENTS frame passed as a frame whose payload would not parse. With
 * CRC-16/X-25 both are CRC errors.
 */
class TrailingZeroCorruptionTest {

    /** A one-edge EVENTS frame: pin 2 rising at {@code ts}. */
    private static Answer.Events oneEdge(int seq, long ts) {
        return new Answer.Events(seq, ts, List.of(new EventRecord.Edge(2, 1, ts)));
    }

    @Test
    void a01InsertedBeforeTheFinalZeroIsACrcError() {
        byte[] good = FrameEncoder.toWire(oneEdge(14, 250_000));
        byte[] bad = Arrays.copyOf(good, good.length + 1);
        bad[good.length - 1] = 0x01; // the final 0x00 moves one on
        assertEquals(List.of(FrameError.CRC), CollectingSink.decode(bad));
        assertEquals(1, CollectingSink.decode(good).size());
    }

    @Test
    void theLastCodeByteDroppedIsACrcError() {
        // an EVENTS frame whose CRC high byte is 0 ends in an empty COBS block: ... crc_lo 01 00;
        // dropping that code byte (01) cuts the body's last byte, a zero, off
        long ts = 0;
        byte[] good;
        do {
            good = FrameEncoder.toWire(oneEdge(21, ts++));
        } while (!crcHighByteIsZero(good));
        assertEquals(0x01, good[good.length - 2]);
        byte[] bad = Arrays.copyOf(good, good.length - 1);
        bad[bad.length - 1] = 0;
        assertEquals(List.of(FrameError.CRC), CollectingSink.decode(bad));
        assertEquals(1, CollectingSink.decode(good).size());
    }

    @Test
    void version1sCrcTookABodyWithAZeroAppended() {
        // what protocol version 1 did: the register itself as the FCS; its register over body + FCS
        // is 0, and stays 0 through an appended zero, so the corrupted body checked
        byte[] body = {0x11, 14, (byte) 0x90, (byte) 0xd0, 0x03, 0x00, (byte) 0x82, 0x00, 0, 0, 0};
        int v1 = Crc16.register(body, 0, 8);
        body[8] = (byte) v1;
        body[9] = (byte) (v1 >>> 8);
        assertEquals(0, Crc16.register(body, 0, 10));
        assertEquals(0, Crc16.register(body, 0, 11), "version 1 accepted the body with a zero appended");
        // version 2: the residue is not 0, and the appended zero moves it
        int v2 = Crc16.of(body, 0, 8);
        body[8] = (byte) v2;
        body[9] = (byte) (v2 >>> 8);
        assertEquals(Crc16.RESIDUE, Crc16.register(body, 0, 10));
        assertTrue(Crc16.register(body, 0, 11) != Crc16.RESIDUE);
    }

    private static boolean crcHighByteIsZero(byte[] wire) {
        byte[] body = new byte[wire.length];
        int n = Cobs.decode(wire, 0, wire.length - 1, body, 0);
        return n >= 4 && body[n - 1] == 0;
    }
}
