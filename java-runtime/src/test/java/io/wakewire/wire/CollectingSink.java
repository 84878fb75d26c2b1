package io.wakewire.wire;

import java.util.ArrayList;
import java.util.List;

/** Records what a decoder delivers, in order: frames as themselves, errors as FrameError. */
final class CollectingSink implements FrameSink {

    final List<Object> items = new ArrayList<>();

    @Override
    public void frame(Frame frame) {
        items.add(frame);
    }

    @Override
    public void invalid(FrameError error) {
        items.add(error);
    }

    List<Frame> frames() {
        return items.stream().filter(Frame.class::isInstance).map(Frame.class::cast).toList();
    }

    /** Decodes {@code wire} in one push and returns what came out. */
    static List<Object> decode(byte[] wire) {
        CollectingSink sink = new CollectingSink();
        new FrameDecoder(sink).push(wire);
        return sink.items;
    }
}
