package io.wakewire.wire;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The streaming decoder: resync, counting, slicing, Raw frames, the EventBatch view. */
class FrameDecoderTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");
    private static final byte[] ACK = FrameEncoder.toWire(new Answer.Ack(2, 2));

    private final CollectingSink sink = new CollectingSink();
    private final FrameDecoder decoder = new FrameDecoder(sink);

    @Test
    void garbageLongerThanAFrameIsOneTooLongThenTheNextFrameDecodes() {
        byte[] garbage = new byte[1000];
        Arrays.fill(garbage, (byte) 0x55);
        decoder.push(garbage);
        assertTrue(decoder.midFrame());
        decoder.push(new byte[] {0});
        decoder.push(ACK);
        assertEquals(List.of(FrameError.TOO_LONG, new Answer.Ack(2, 2)), sink.items);
        assertEquals(1, decoder.errors(FrameError.TOO_LONG));
        assertEquals(1, decoder.totalErrors());
        assertEquals(1, decoder.frames());
    }

    @Test
    void exactly65EncodedBytesIsNotTooLong() {
        // a full 64-byte body: 28 two-byte edges, the largest frame the protocol allows
        List<EventRecord> edges = new ArrayList<>();
        for (int i = 0; i < 28; i++) {
            edges.add(new EventRecord.Edge(2, i & 1, 4000 + 12L * i));
        }
        byte[] wire = FrameEncoder.toWire(new Answer.Events(0, 4000, edges));
        assertEquals(Frame.MAX_WIRE, wire.length);
        decoder.push(wire);
        assertEquals(0, decoder.totalErrors());
        assertEquals(28, ((Answer.Events) sink.items.get(0)).records().size());
    }

    @Test
    void loneZerosAreEmptyFramesNotErrors() {
        decoder.push(new byte[] {0, 0, 0});
        decoder.push(ACK);
        assertEquals(3, decoder.emptyFrames());
        assertEquals(0, decoder.totalErrors());
        assertEquals(List.of(new Answer.Ack(2, 2)), sink.items);
    }

    @Test
    void joiningMidFrameCostsOneErrorUnlessResyncIsCalled() {
        byte[] tail = Arrays.copyOfRange(ACK, 3, ACK.length); // the end of an ACK: "02 aa 2a 00"
        decoder.push(tail);
        decoder.push(ACK);
        assertEquals(List.of(FrameError.COBS, new Answer.Ack(2, 2)), sink.items);

        CollectingSink quiet = new CollectingSink();
        FrameDecoder fresh = new FrameDecoder(quiet);
        fresh.resync();
        fresh.push(tail);
        fresh.push(ACK);
        assertEquals(0, fresh.totalErrors());
        assertEquals(List.of(new Answer.Ack(2, 2)), quiet.items);
    }

    @Test
    void byteAtATimeAndByteBufferSlicesGiveTheSameFrames() {
        byte[] stream = concat(ACK, HEX.parseHex("07 87 01 01 aa 3a 31 00"), FrameEncoder.toWire(
                new Answer.Events(5, 100, List.of(new EventRecord.Edge(3, 1, 100), new EventRecord.Lost(8, 3)))));
        List<Object> whole = CollectingSink.decode(stream);
        assertEquals(3, whole.size());

        CollectingSink one = new CollectingSink();
        FrameDecoder d1 = new FrameDecoder(one);
        for (byte b : stream) {
            d1.push(new byte[] {b});
        }
        assertEquals(whole, one.items);

        CollectingSink direct = new CollectingSink();
        FrameDecoder d2 = new FrameDecoder(direct);
        ByteBuffer buf = ByteBuffer.allocateDirect(stream.length).put(stream).flip();
        for (int at = 0; at < stream.length; at += 5) {
            ByteBuffer slice = buf.slice(at, Math.min(5, stream.length - at));
            d2.push(slice);
            assertFalse(slice.hasRemaining());
        }
        assertEquals(whole, direct.items);

        CollectingSink heap = new CollectingSink();
        FrameDecoder d3 = new FrameDecoder(heap);
        ByteBuffer wrapped = ByteBuffer.wrap(stream, 4, stream.length - 4);
        d3.push(Arrays.copyOf(stream, 4));
        d3.push(wrapped);
        assertEquals(stream.length, wrapped.position());
        assertEquals(whole, heap.items);
    }

    @Test
    void unknownTypeIsDeliveredRawAndCounted() {
        decoder.push(FrameEncoder.toWire(new Raw(0x42, 9, new byte[] {1, 2})));
        Raw raw = assertInstanceOf(Raw.class, sink.items.get(0));
        assertFalse(raw.knownType());
        assertEquals(1, decoder.rawFrames());
    }

    @Test
    void cutOffEventsRecordIsRawNotAPartialBatch() {
        // base_ts, then an edge whose LEB128 delta has its continuation bit set and nothing after
        decoder.push(FrameEncoder.toWire(new Raw(FrameTypes.EVENTS, 1, HEX.parseHex("00 00 00 00 02 80"))));
        // a LOST marker without its count
        decoder.push(FrameEncoder.toWire(new Raw(FrameTypes.EVENTS, 2, HEX.parseHex("00 00 00 00 7f 08"))));
        // 0xFF: level 1 on pin 127, which the protocol reserves
        decoder.push(FrameEncoder.toWire(new Raw(FrameTypes.EVENTS, 3, HEX.parseHex("00 00 00 00 ff 00"))));
        // shorter than base_ts
        decoder.push(FrameEncoder.toWire(new Raw(FrameTypes.EVENTS, 4, HEX.parseHex("00 00 00"))));
        // a delta above 2^32-1, and a delta of six bytes
        decoder.push(FrameEncoder.toWire(new Raw(FrameTypes.EVENTS, 5, HEX.parseHex("00 00 00 00 02 ff ff ff ff 1f"))));
        decoder.push(FrameEncoder.toWire(new Raw(FrameTypes.EVENTS, 6, HEX.parseHex("00 00 00 00 02 80 80 80 80 80 00"))));
        // the largest delta is fine
        decoder.push(FrameEncoder.toWire(new Raw(FrameTypes.EVENTS, 7, HEX.parseHex("00 00 00 00 02 ff ff ff ff 0f"))));
        assertEquals(new Answer.Events(7, 0, List.of(new EventRecord.Edge(2, 0, 0xFFFF_FFFFL))), sink.items.remove(6));
        assertEquals(6, sink.items.size());
        for (Object o : sink.items) {
            assertTrue(assertInstanceOf(Raw.class, o).knownType());
        }
        assertEquals(6, decoder.rawFrames());
    }

    @Test
    void trailingPayloadBytesOfANewerPeerAreIgnored() {
        decoder.push(FrameEncoder.toWire(new Raw(FrameTypes.ACK, 7, new byte[] {9, 1, 2, 3})));
        decoder.push(FrameEncoder.toWire(new Raw(FrameTypes.CLOCK, 8, HEX.parseHex("01 e8 03 00 00 ee"))));
        assertEquals(List.of(new Answer.Ack(7, 9), new Answer.ClockReading(8, 1, 1000)), sink.items);
    }

    @Test
    void eventsAreAsEventRecordsByDefaultAndAsAVisitorOnRequest() {
        Answer.Events events = new Answer.Events(3, 0xFFFF_FF00L, List.of(
                new EventRecord.Edge(8, 1, 0xFFFF_FF00L), new EventRecord.Lost(0, 200),
                new EventRecord.Edge(8, 0, 0x1_0000_0010L))); // crosses the board's 32-bit wrap
        byte[] wire = FrameEncoder.toWire(events);
        decoder.push(wire);
        assertEquals(List.of(events), sink.items);

        List<String> seen = new ArrayList<>();
        FrameDecoder viewing = new FrameDecoder(new FrameSink() {
            @Override
            public void frame(Frame frame) {
                seen.add("frame " + frame);
            }

            @Override
            public void events(EventBatch batch) {
                seen.add("batch seq=" + batch.seq() + " base=" + batch.baseTs() + " edges=" + batch.edgeCount()
                        + " lost=" + batch.lostCount());
                batch.forEach(new EventVisitor() {
                    @Override
                    public void edge(int pin, int level, long timestamp) {
                        seen.add("edge " + pin + " " + level + " " + timestamp);
                    }

                    @Override
                    public void lost(int source, long count) {
                        seen.add("lost " + source + " " + count);
                    }
                });
            }
        });
        viewing.push(wire);
        assertEquals(List.of("batch seq=3 base=4294967040 edges=2 lost=1", "edge 8 1 4294967040", "lost 0 200",
                "edge 8 0 4294967312"), seen);
    }

    @Test
    void aSinkThatThrowsLeavesTheDecoderReadyForTheNextFrame() {
        List<Frame> got = new ArrayList<>();
        FrameDecoder d = new FrameDecoder(f -> {
            got.add(f);
            if (got.size() == 1) {
                throw new IllegalStateException("sink failure");
            }
        });
        assertThrows(IllegalStateException.class, () -> d.push(ACK));
        d.push(ACK);
        assertEquals(2, got.size());
        assertFalse(d.midFrame());
    }

    @Test
    void aNullSinkIsRefusedWithAMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FrameDecoder(null));
        assertTrue(e.getMessage().contains("sink"));
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
