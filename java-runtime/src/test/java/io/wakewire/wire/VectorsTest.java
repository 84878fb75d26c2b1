package io.wakewire.wire;

import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared vectors: every valid line decodes to its meaning (compared as text), its meaning
 * encodes to its bytes, and every INVALID line yields exactly its error.
 */
class VectorsTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    @TestFactory
    Stream<DynamicTest> everyValidLineDecodesToItsMeaning() {
        return VectorsFile.read().stream().filter(v -> !v.invalid()).map(v -> DynamicTest.dynamicTest(v.toString(), () -> {
            List<Object> out = CollectingSink.decode(v.wire());
            assertEquals(1, out.size(), "one frame out of " + v);
            Frame f = (Frame) out.get(0);
            assertEquals(v.frameText(), FrameText.format(f));
            if (!(f instanceof Raw)) {
                assertEquals(v.direction(), FrameText.direction(f), "direction of " + v);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyValidMeaningEncodesToItsBytes() {
        FrameEncoder encoder = new FrameEncoder();
        return VectorsFile.read().stream().filter(v -> !v.invalid()).map(v -> DynamicTest.dynamicTest(v.toString(), () -> {
            byte[] wire = encoder.encode(FrameText.parse(v.meaning()));
            assertEquals(HEX.formatHex(v.wire()), HEX.formatHex(wire));
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyInvalidLineYieldsItsError() {
        return VectorsFile.read().stream().filter(VectorsFile.Vector::invalid).map(v -> DynamicTest.dynamicTest(v.toString(), () -> {
            String name = v.meaning().substring("INVALID error=".length());
            FrameError expected = FrameError.ofWireName(name);
            assertTrue(expected != null, "unknown error name in " + v);
            CollectingSink sink = new CollectingSink();
            FrameDecoder decoder = new FrameDecoder(sink);
            decoder.push(v.wire());
            assertEquals(List.of(expected), sink.items);
            assertEquals(1, decoder.errors(expected));
            assertEquals(0, decoder.frames());
        }));
    }

    @Test
    void theWholeFileAsOneStreamGivesEveryFrameAndErrorInOrder() {
        List<VectorsFile.Vector> vectors = VectorsFile.read();
        CollectingSink sink = new CollectingSink();
        FrameDecoder decoder = new FrameDecoder(sink);
        for (VectorsFile.Vector v : vectors) {
            decoder.push(v.wire());
        }
        assertEquals(vectors.size(), sink.items.size());
        for (int i = 0; i < vectors.size(); i++) {
            VectorsFile.Vector v = vectors.get(i);
            Object got = sink.items.get(i);
            String text = got instanceof Frame f ? FrameText.format(f) : "INVALID error=" + ((FrameError) got).wireName();
            assertEquals(v.invalid() ? v.meaning() : v.frameText(), text, v.toString());
        }
    }

    @Test
    void theVectorsCoverEveryFrameTypeAndEveryError() {
        List<VectorsFile.Vector> vectors = VectorsFile.read();
        java.util.Set<Integer> types = new java.util.TreeSet<>();
        java.util.Set<FrameError> errors = java.util.EnumSet.noneOf(FrameError.class);
        for (VectorsFile.Vector v : vectors) {
            for (Object o : CollectingSink.decode(v.wire())) {
                if (o instanceof Frame f && !(f instanceof Raw)) {
                    types.add(f.type());
                } else if (o instanceof FrameError e) {
                    errors.add(e);
                }
            }
        }
        for (int t = 0; t < 256; t++) {
            if (FrameTypes.isKnown(t)) {
                assertTrue(types.contains(t), "no vector for type 0x" + Integer.toHexString(t));
            }
        }
        assertEquals(java.util.EnumSet.allOf(FrameError.class), errors);
    }
}
