package io.wakewire.wire;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Properties of the codec over random frames, random garbage and random slicing. */
class CodecPropertiesTest {

    @Provide
    Arbitrary<Frame> frames() {
        return FrameArbitraries.frames();
    }

    /** Byte soup: mostly random bytes with many 0x00 and COBS-looking codes, so every path is hit. */
    @Provide
    Arbitrary<byte[]> soup() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.bytes()),
                net.jqwik.api.Tuple.of(2, Arbitraries.just((byte) 0)),
                net.jqwik.api.Tuple.of(2, Arbitraries.bytes().between((byte) 1, (byte) 8)))
                .array(byte[].class).ofMaxSize(600);
    }

    @Property(tries = 500)
    void noByteSoupEverThrowsAndEveryZeroEndsExactlyOneFrame(@ForAll("soup") byte[] soup,
                                                              @ForAll @IntRange(min = 1, max = 70) int chunk) {
        CollectingSink sink = new CollectingSink();
        FrameDecoder decoder = new FrameDecoder(sink);
        for (int at = 0; at < soup.length; at += chunk) {
            decoder.push(soup, at, Math.min(chunk, soup.length - at));
        }
        long zeros = 0;
        for (byte b : soup) {
            zeros += b == 0 ? 1 : 0;
        }
        assertEquals(zeros, decoder.frames() + decoder.totalErrors() + decoder.emptyFrames());
        assertEquals(decoder.frames() + decoder.totalErrors(), sink.items.size());
    }

    @Property(tries = 1000)
    void everyValidFrameRoundTrips(@ForAll("frames") Frame frame) {
        byte[] wire = FrameEncoder.toWire(frame);
        assertTrue(wire.length <= Frame.MAX_WIRE, "wire length " + wire.length);
        for (int i = 0; i < wire.length - 1; i++) {
            assertTrue(wire[i] != 0, "0x00 inside the frame at " + i);
        }
        assertEquals(0, wire[wire.length - 1]);
        assertEquals(List.of(frame), CollectingSink.decode(wire));
        assertEquals(frame, FrameText.parse(FrameText.line(frame)));
    }

    @Property(tries = 500)
    void aValidFrameAfterGarbageAndAZeroIsDecoded(@ForAll("soup") byte[] garbage, @ForAll("frames") Frame frame) {
        CollectingSink sink = new CollectingSink();
        FrameDecoder decoder = new FrameDecoder(sink);
        decoder.push(garbage);
        decoder.push(new byte[] {0});
        int before = sink.items.size();
        decoder.push(FrameEncoder.toWire(frame));
        assertEquals(List.of(frame), sink.items.subList(before, sink.items.size()));
    }

    @Property(tries = 300)
    void splittingTheStreamAnywhereGivesTheSameFrames(@ForAll @Size(max = 8) List<@net.jqwik.api.From("frames") Frame> frames,
                                                        @ForAll("soup") byte[] noise,
                                                        @ForAll @Size(max = 20) List<@IntRange(min = 0, max = 2000) Integer> cuts) {
        java.io.ByteArrayOutputStream stream = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < frames.size(); i++) {
            byte[] w = FrameEncoder.toWire(frames.get(i));
            stream.write(w, 0, w.length);
            if (i == frames.size() / 2) {
                stream.write(noise, 0, noise.length);
                stream.write(0);
            }
        }
        byte[] all = stream.toByteArray();
        List<Object> whole = CollectingSink.decode(all);

        List<Integer> points = new ArrayList<>();
        for (int c : cuts) {
            points.add(Math.min(c, all.length));
        }
        points.add(0);
        points.add(all.length);
        points.sort(null);
        CollectingSink sink = new CollectingSink();
        FrameDecoder decoder = new FrameDecoder(sink);
        for (int i = 0; i + 1 < points.size(); i++) {
            decoder.push(all, points.get(i), points.get(i + 1) - points.get(i));
        }
        assertEquals(whole, sink.items);
        assertTrue(whole.containsAll(frames), "every frame survives the noise in the middle");
    }
}
