package io.wakewire.board;

import io.wakewire.sync.Permit;
import io.wakewire.task.Context;
import io.wakewire.task.Future;
import io.wakewire.task.Futures;
import io.wakewire.task.Poll;
import io.wakewire.task.Waker;
import io.wakewire.wire.Answer;

import java.util.ArrayDeque;

/**
 * The readings of a board-timed I2C poll ({@link I2cBus#poll}), in board order:
 * {@code for (;;) { I2cReading r = await(poll.next()); ... }}.
 *
 * <p>Losses are counted, never silent: each reading carries how many were lost just before it
 * ({@link I2cReading#lostBefore()}): readings the board took but could not queue or send (a gap
 * in their numbers) and readings this host dropped because nobody took them (more than
 * {@value #CAPACITY} waiting). {@link #lost()} is the total. {@link #stop()} ends the board's
 * polling. When the board is lost (reset, unplugged) its poll is gone: {@code next()} throws
 * the session's exception once the readings before it are taken, and the stream is closed.
 * Executor thread only.
 */
public final class I2cPoll implements AutoCloseable {

    /** Readings kept for a slow taker before they are dropped (and counted). */
    public static final int CAPACITY = 1024;

    private final I2cBus bus;
    private final BoardSession session;
    private final Permit room;
    private final String call;
    private final ArrayDeque<I2cReading> buffer = new ArrayDeque<>();
    private Waker waker;
    private long last = -1;      // the last reading's number (extended past 16 bits)
    private int pendingLost;     // lost readings not yet reported in a reading
    private long lost;
    private boolean closed;
    private BoardException failure; // the board was lost: thrown once by next(), then the stream is closed
    /** What the session calls (BoardSession.i2cReadings while this poll is the board's). */
    final I2cSink sink = new I2cSink() {
        @Override
        public void reading(Answer.I2cReading r) {
            accept(r);
        }

        @Override
        public void failed(BoardException e) {
            failure = e;
            if (session.i2cReadings == sink) {
                session.i2cReadings = null;
            }
            wakeTaker();
        }
    };

    I2cPoll(I2cBus bus, BoardSession session, Permit room, String call) {
        this.bus = bus;
        this.session = session;
        this.room = room;
        this.call = call;
    }

    /** A reading from the board (the session's frame dispatch, executor thread). */
    void accept(Answer.I2cReading r) {
        if (closed) {
            return;
        }
        long number = last < 0 ? r.readingSeq() : last + ((r.readingSeq() - last) & 0xFFFF);
        if (last >= 0 && number <= last) {
            return; // a reading already seen cannot come again; a board reset starts over (below)
        }
        int gap = (int) Math.min(Integer.MAX_VALUE, last < 0 ? 0 : number - last - 1);
        last = number;
        lost += gap;
        pendingLost += gap;
        if (buffer.size() >= CAPACITY) {
            lost++;
            pendingLost++;
            return;
        }
        long t64 = session.extendTicks(r.ts());
        buffer.add(new I2cReading(number, t64, session.ticksToNanos(t64), session.clock().hostNanos(t64), r.status(),
                pendingLost, r.data()));
        pendingLost = 0;
        wakeTaker();
    }

    private void wakeTaker() {
        Waker w = waker;
        if (w != null) {
            waker = null;
            w.wake();
        }
    }

    /** The next reading; await it before asking for another. */
    public Future<I2cReading> next() {
        return new Future<>() {
            @Override
            public Poll<I2cReading> poll(Context cx) {
                if (closed) {
                    throw new IllegalStateException(session.label() + ": " + call + " is stopped");
                }
                I2cReading r = buffer.poll();
                if (r != null) {
                    return Poll.ready(r);
                }
                if (failure != null) { // after the readings that came before it
                    BoardException e = failure;
                    close();
                    throw e;
                }
                waker = cx.waker();
                return Poll.pending();
            }

            @Override
            public void cancel() {
                waker = null;
            }

            @Override
            public String describe() {
                return call + ".next, " + buffer.size() + " buffered";
            }
        };
    }

    /** Readings lost so far (by the board or here). */
    public long lost() {
        return lost;
    }

    /** Readings received and not yet taken. */
    public int buffered() {
        return buffer.size();
    }

    /** Stops the board's polling and this stream; readings still buffered are dropped. */
    public Future<Void> stop() {
        close();
        return Futures.map(bus.stopPoll(call), v -> null);
    }

    /** Stops this stream here (the board keeps polling until {@link #stop()} or another poll). */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            room.close();
            if (session.i2cReadings == sink) {
                session.i2cReadings = null;
            }
            buffer.clear();
            wakeTaker(); // a next() another task awaits finds the stream stopped, not a wait for good
        }
    }
}
