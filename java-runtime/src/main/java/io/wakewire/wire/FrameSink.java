package io.wakewire.wire;

/**
 * Where a {@link FrameDecoder} delivers what it finds. Called on the thread that pushes bytes, one
 * call at a time; an exception thrown here propagates out of {@code push} (the decoder has already
 * finished with the frame, so decoding can go on with the next push).
 */
public interface FrameSink {

    /** A valid frame other than EVENTS (and EVENTS too unless {@link #events} is overridden). */
    void frame(Frame frame);

    /**
     * A valid EVENTS frame, as a view valid only during this call. The default copies it into an
     * {@link Answer.Events} and calls {@link #frame}; override it to read edges without allocating.
     */
    default void events(EventBatch batch) {
        frame(batch.toEvents());
    }

    /** A frame dropped for {@code error}; the default ignores it (the decoder counts it anyway). */
    default void invalid(FrameError error) {
    }
}
