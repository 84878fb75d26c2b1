package io.wakewire.board;

import io.wakewire.sync.Channel;
import io.wakewire.task.Future;

/**
 * The messages board tasks send on one topic, in order: {@code for (;;) { BoardMessage m =
 * await(stream.next()); ... }}. It buffers up to its capacity; a message that finds the buffer full
 * is dropped and counted in the next one's {@link BoardMessage#lostBefore()} (and in
 * {@link #dropped()}), so a loss is never silent. {@link #close()} stops it.
 */
public final class MessageStream implements AutoCloseable {

    private final Messages owner;
    private final int topic;
    private final Channel<BoardMessage> buffer;
    /** Messages not delivered since the last one that was: carried into the next. Reader thread only. */
    private long pendingLost;
    private volatile long dropped;

    MessageStream(Messages owner, String label, int topic, int capacity) {
        this.owner = owner;
        this.topic = topic;
        this.buffer = new Channel<>(label + " messages(" + topic + ")", capacity);
    }

    /** The next message; await it before asking for another. Ends (null) once closed and drained. */
    public Future<BoardMessage> next() {
        return buffer.receive();
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
