package io.wakewire.wire;

import java.nio.ByteBuffer;

/**
 * The streaming receiver: push bytes in, in slices of any size split anywhere; frames come out
 * through a {@link FrameSink}. Each 0x00 ends a frame; whatever went before it is checked in the
 * order PROTOCOL.md's table implies (too_long, cobs, short, crc), dropped and counted if bad, so
 * the decoder resynchronises at the next 0x00 after any garbage.
 *
 * <p>Guarantees: {@code push} never throws on any input (only the sink's own exceptions come
 * out); memory is bounded (65 bytes of buffer; bytes past that are dropped, not kept, until the
 * next 0x00); per frame it allocates only the record handed out, and for EVENTS nothing at all if
 * the sink reads the {@link EventBatch} view.
 *
 * <p>Not thread-safe and not reentrant: one reader thread pushes, and a sink must not push into
 * the decoder that called it. Counters are plain longs, read them from that same thread.
 */
public final class FrameDecoder {

    private final FrameSink sink;
    /** Encoded bytes of the frame in progress; COBS-decoded in place when its 0x00 arrives. */
    private final byte[] buf = new byte[Frame.MAX_ENCODED];
    private final EventBatch batch = new EventBatch();
    private final long[] errors = new long[FrameError.values().length];
    private int len;
    /** More than MAX_ENCODED bytes since the last 0x00: the frame is too long, skip to the 0x00. */
    private boolean overflow;
    /** Skip to the next 0x00 without counting (after {@link #resync()}). */
    private boolean skipping;
    private long frames;
    private long rawFrames;
    private long emptyFrames;

    public FrameDecoder(FrameSink sink) {
        if (sink == null) {
            throw new IllegalArgumentException("FrameDecoder needs a sink");
        }
        this.sink = sink;
    }

    /** Pushes {@code length} bytes of {@code data} from {@code offset}. */
    public void push(byte[] data, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end) {
            // copy the run of non-zero bytes up to the next 0x00 in one go: frames are short
            // runs between zeros, and a bulk copy beats a store per byte through the fields
            int zero = i;
            while (zero < end && data[zero] != 0) {
                zero++;
            }
            int run = zero - i;
            if (run > 0) {
                int room = Frame.MAX_ENCODED - len;
                if (run > room) {
                    overflow = true;
                    run = room;
                }
                System.arraycopy(data, i, buf, len, run);
                len += run;
            }
            if (zero < end) {
                endOfFrame();
            }
            i = zero + 1;
        }
    }

    /** Pushes all of {@code data}. */
    public void push(byte[] data) {
        push(data, 0, data.length);
    }

    /** Pushes the remaining bytes of {@code data}, leaving its position at its limit. */
    public void push(ByteBuffer data) {
        if (data.hasArray()) {
            int pos = data.position();
            push(data.array(), data.arrayOffset() + pos, data.remaining());
            data.position(data.limit());
            return;
        }
        while (data.hasRemaining()) {
            byte b = data.get();
            if (b == 0) {
                endOfFrame();
            } else if (len < Frame.MAX_ENCODED) {
                buf[len++] = b;
            } else {
                overflow = true;
            }
        }
    }

    /**
     * Drops the frame in progress and skips, without counting, to the next 0x00: for a receiver
     * that knows it joins a stream mid-frame (a port just opened, a reconnect).
     */
    public void resync() {
        len = 0;
        overflow = false;
        skipping = true;
    }

    private void endOfFrame() {
        int n = len;
        boolean tooLong = overflow;
        boolean skip = skipping;
        len = 0;
        overflow = false;
        skipping = false;
        if (skip) {
            return;
        }
        if (tooLong) {
            invalid(FrameError.TOO_LONG);
            return;
        }
        if (n == 0) {
            emptyFrames++;
            return;
        }
        int body = Cobs.decode(buf, 0, n, buf, 0);
        if (body == Cobs.MALFORMED) {
            invalid(FrameError.COBS);
            return;
        }
        if (body < Frame.MIN_BODY) {
            invalid(FrameError.SHORT);
            return;
        }
        int crc = (buf[body - 2] & 0xFF) | (buf[body - 1] & 0xFF) << 8;
        if (Crc16.of(buf, 0, body - 2) != crc) {
            invalid(FrameError.CRC);
            return;
        }
        frames++;
        int type = buf[0] & 0xFF;
        int seq = buf[1] & 0xFF;
        int payloadLen = body - 4;
        if (type == FrameTypes.EVENTS && batch.reset(seq, buf, 2, payloadLen)) {
            sink.events(batch);
            return;
        }
        Frame f = FrameParser.parse(type, seq, buf, 2, payloadLen);
        if (f instanceof Raw) {
            rawFrames++;
        }
        sink.frame(f);
    }

    private void invalid(FrameError error) {
        errors[error.ordinal()]++;
        sink.invalid(error);
    }

    /** Frames dropped for {@code error} so far. */
    public long errors(FrameError error) {
        return errors[error.ordinal()];
    }

    /** Frames dropped for any error so far. */
    public long totalErrors() {
        long sum = 0;
        for (long e : errors) {
            sum += e;
        }
        return sum;
    }

    /** Valid frames delivered so far (typed and {@link Raw}). */
    public long frames() {
        return frames;
    }

    /** Valid frames delivered as {@link Raw} (unknown type or payload that does not fit its type). */
    public long rawFrames() {
        return rawFrames;
    }

    /** Lone 0x00 bytes seen (harmless flushes, not errors). */
    public long emptyFrames() {
        return emptyFrames;
    }

    /** True when bytes of an unfinished frame are waiting for their 0x00. */
    public boolean midFrame() {
        return len > 0 || overflow;
    }
}
