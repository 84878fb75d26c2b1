package io.wakewire.board;

import io.wakewire.sync.Channel;
import io.wakewire.task.Future;
import io.wakewire.task.Futures;

/**
 * The messages board tasks send on one topic, in order: {@code for (;;) { BoardMessage m =
 * await(stream.next()); ... }}. It buffers up to its capacity; a message that finds the buffer full
 * is dropped and counted in the next one's {@link BoardMessage#lostBefore()} (and in
 * {@link #dropped()}), so a loss is never silent. {@link #close()} stops it. When the board's
 * session ends for good (the board closed, or lost with reconnect off), the messages already
 * buffered are still given, then {@code next()} throws the session's
 * {@link BoardDisconnectedException}; a disconnect that reconnects leaves the stream as it is.
 */
public final class MessageStream implements AutoCloseable {

    private final Messages owner;
    private final int topic;
    private final Channel<BoardMessage> buffer;
    /** Messages not delivered since the last one that was: carried into the next. Reader thread only. */
    private long pendingLost;
    private volatile long dropped;
    /** Why the session ended, once it has: next() throws it after the buffer is drained. */
    private volatile BoardException endedBy;

    MessageStream(Messages owner, String label, int topic, int capacity) {
        this.owner = owner;
        this.topic = topic;
        this.buffer = new Channel<>(label + " messages(" + topic + ")", capacity);
    }

    /**
     * The next message; await it before asking for another. Ends (null) once closed and drained;
     * throws the session's end once the board's session has ended and the buffer is drained.
     */
    public Future<BoardMessage> next() {
        return Futures.map(buffer.receive(), m -> {
            BoardException why = endedBy;
            if (m == null && why != null) {
                throw why;
            }
            return m;
        });
    }

    /** The next message if one is buffered, else null; never waits (any thread). */
    public BoardMessage poll() {
        return buffer.tryReceive();
    }

    public int topic() {
        return topic;
    }

    /** Messages this stream dropped because its buffer was full (each also counted in a later lostBefore). */
    public long dropped() {
        return dropped;
    }

    @Override
    public void close() {
        owner.remove(this);
        buffer.close();
    }

    /** The board's session ended for good: no more messages will come. */
    void end(BoardException why) {
        endedBy = why;
        buffer.close();
    }

    /** From the session's reader: delivers m with the losses before it, or counts it as one more. */
    void offer(int topic, byte[] data, int boardLost, long arrivalNanos) {
        long lost = pendingLost + boardLost;
        if (buffer.trySend(new BoardMessage(topic, data, lost, arrivalNanos))) {
            pendingLost = 0;
        } else {
            pendingLost = lost + 1;
            dropped++;
        }
    }
}
