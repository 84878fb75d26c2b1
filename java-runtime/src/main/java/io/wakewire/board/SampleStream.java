package io.wakewire.board;

import io.wakewire.task.Context;
import io.wakewire.task.Future;
import io.wakewire.task.Poll;
import io.wakewire.task.Waker;
import io.wakewire.wire.Command;

import java.util.ArrayDeque;

/**
 * Board-timed analog samples of one or several pins, round-robin: {@code for (;;) { Sample s =
 * await(stream.next()); ... }}. The board's Timer1 triggers every conversion (module stream), so
 * the samples are as evenly spaced as the hardware makes them and each carries the board tick of
 * its trigger. The stream starts at its first {@code next()} poll (STREAM) and stops at
 * {@link #close()}; one stream at a time per board (one ADC).
 *
 * <p>Losses are in-band, as for edges: {@code next()} throws {@link SamplesLostException} at the
 * place where samples went missing (the board's ring full, this stream's buffer full, frames lost
 * on the link); awaiting {@code next()} again continues after it. Made by {@link Pin#samples(int)}
 * and {@link Board#samples(int, String...)}, which check everything before anything is sent.
 */
public final class SampleStream implements AutoCloseable {

    private final BoardSession session;
    private final String pins;
    private final String[] pinOfChannel = new String[16];
    private final int mask;
    private final int intervalTicks;
    private final int capacity;
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private int samples;
    private Waker waker;
    private boolean started;
    private boolean closed;
    private Future<Void> starting;

    SampleStream(BoardSession session, String pins, int[] channels, String[] names, int intervalTicks, int capacity) {
        this.session = session;
        this.pins = pins;
        int m = 0;
        for (int i = 0; i < channels.length; i++) {
            m |= 1 << channels[i];
            pinOfChannel[channels[i]] = names[i];
        }
        this.mask = m;
        this.intervalTicks = intervalTicks;
        this.capacity = capacity;
    }

    /** The pins sampled, as given ("A0,A1"). */
    public String pins() {
        return pins;
    }

    /** Board ticks between two conversions (of consecutive channels of the round-robin). */
    public int intervalTicks() {
        return intervalTicks;
    }

    /** Samples received and not yet taken. */
    public int buffered() {
        return samples;
    }

    /** The next sample; await it before asking for another. */
    public Future<Sample> next() {
        return new Next();
    }

    /**
     * Stops the board's sampling (STREAM with no channel) and frees the board's ADC for others: done
     * when the board has acknowledged (samples it took before may still arrive; nobody takes them).
     */
    public Future<Void> stop() {
        Future<Void> f = closeAndStop();
        return f != null ? f : io.wakewire.task.Futures.ready(null);
    }

    /** As {@link #stop()}, without waiting: the STREAM stop finishes in a task of the session. */
    @Override
    public void close() {
        Future<Void> f = closeAndStop();
        if (f != null) {
            session.detach("STREAM stop", f);
        }
    }

    private Future<Void> closeAndStop() {
        if (closed) {
            return null;
        }
        closed = true;
        session.samples.release(this);
        if (starting != null) {
            starting.cancel();
        }
        wake(); // a next() another task awaits finds the stream closed, not a wait for good
        waker = null;
        return started ? session.request("STREAM stop " + pins, (seq, req) -> new Command.Stream(seq, req, 0, 0)) : null;
    }

    void offer(int channel, int raw, long ticks, long boardNanos, long hostNanos) {
        if (samples >= capacity) {
            Object tail = queue.peekLast();
            if (tail instanceof long[] l && l[0] == SamplesLostException.Cause.HOST_BUFFER.ordinal()) {
                l[1]++;
            } else {
                queue.addLast(new long[] {SamplesLostException.Cause.HOST_BUFFER.ordinal(), 1});
            }
            session.countHostDrop();
        } else {
            String name = pinOfChannel[channel];
            queue.addLast(new Sample(name != null ? name : "ADC" + channel, channel, raw, ticks, boardNanos, hostNanos));
            samples++;
        }
        wake();
    }

    void offerLoss(SamplesLostException.Cause cause, long count) {
        queue.addLast(new long[] {cause.ordinal(), count});
        wake();
    }

    void offerFailure(BoardException e) {
        queue.addLast(e);
        wake();
    }

    private void wake() {
        Waker w = waker;
        if (w != null) {
            w.wake();
        }
    }

    private void start() {
        if (started) {
            return;
        }
        session.checkUsable();
        session.samples.claim(this);
        started = true;
        starting = session.request("STREAM " + pins + " every " + intervalTicks + " ticks",
                (seq, req) -> new Command.Stream(seq, req, mask, intervalTicks));
    }

    private final class Next implements Future<Sample> {
        @Override
        public Poll<Sample> poll(Context cx) {
            if (closed) {
                throw new IllegalStateException(session.label() + ": samples(" + pins + ") is closed");
            }
            waker = cx.waker();
            start();
            if (starting != null) {
                try {
                    if (starting.poll(cx).isReady()) {
                        starting = null;
                    }
                } catch (RuntimeException e) {
                    starting = null;
                    close();
                    throw e;
                }
            }
            Object head = queue.pollFirst();
            if (head == null) {
                return Poll.pending();
            }
            if (head instanceof Sample s) {
                samples--;
                return Poll.ready(s);
            }
            if (head instanceof long[] l) {
                throw new SamplesLostException(session.label(), pins, SamplesLostException.Cause.values()[(int) l[0]], l[1]);
            }
            throw (BoardException) head;
        }

        @Override
        public void cancel() {
            waker = null;
        }

        @Override
        public String describe() {
            return "samples(" + session.label() + " " + pins + ").next, " + samples + " buffered";
        }
    }

}
