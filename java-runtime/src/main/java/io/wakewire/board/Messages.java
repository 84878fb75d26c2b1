package io.wakewire.board;

import io.wakewire.task.Future;
import io.wakewire.wire.Answer;
import io.wakewire.wire.Command;
import io.wakewire.wire.FrameTypes;
import io.wakewire.wire.Raw;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Messages between the board's app tasks and the host's (PROTOCOL.md, MSG): a session's streams
 * by topic, the decoding of MSG frames, and sending. Board.messages / Board.send delegate here.
 * The frames' sequence numbers and CRC are checked like every other frame's (BoardSession).
 */
final class Messages {

    /** HELLO capability bit 9: the firmware has the app runtime (built with APP=). */
    static final int CAP_APP = 1 << 9;
    /** Messages a stream buffers before it drops (and counts) one. */
    static final int STREAM_CAPACITY = 64;

    private final Map<Integer, MessageStream> streams = new ConcurrentHashMap<>();
    private volatile long boardLost;
    private volatile long unclaimed;
    /** Why the session ended, once it has (streams asked for later start ended). */
    private volatile BoardException ended;

    /** The stream of messages on {@code topic} (one per topic and session; asking again gives the same one). */
    MessageStream stream(String label, int topic) {
        if (topic < 0 || topic > 255) {
            throw new IllegalArgumentException(label + ": messages(" + topic + "): a topic is 0..255");
        }
        MessageStream s = streams.computeIfAbsent(topic, t -> new MessageStream(this, label, t, STREAM_CAPACITY));
        BoardException why = ended;
        if (why != null) {
            s.end(why);
        }
        return s;
    }

    /** The session ended for good: every stream gives what it holds, then throws {@code why}. */
    void end(BoardException why) {
        ended = why;
        for (MessageStream s : streams.values()) {
            s.end(why);
        }
    }

    void remove(MessageStream s) {
        streams.remove(s.topic(), s);
    }

    /** Reader thread: true when f was a MSG frame (then delivered or counted), false for any other. */
    boolean accept(Raw f, long arrivalNanos) {
        if (f.type() != FrameTypes.MSG) {
            return false;
        }
        byte[] p = f.payload();
        if (p.length < 2) {
            return false; // malformed: BoardSession counts it as an unparseable frame, a loss
        }
        int topic = p[0] & 0xFF, lost = p[1] & 0xFF;
        boardLost += lost;
        byte[] data = java.util.Arrays.copyOfRange(p, 2, p.length);
        MessageStream s = streams.get(topic);
        if (s == null) {
            unclaimed++;
        } else {
            s.offer(topic, data, lost, arrivalNanos);
        }
        return true;
    }

    /** Messages the board refused (its queue full), as its MSG frames reported them. */
    long boardLost() {
        return boardLost;
    }

    /** MSG frames on a topic no stream listened to. */
    long unclaimed() {
        return unclaimed;
    }

    /**
     * Sends {@code data} to the board's tasks on {@code topic}: completes when the board has queued
     * it (ACK); fails with {@link BoardNakException} (busy: its queue is full; bad_length: more than
     * its WW_MSG_MAX) or, before anything is sent, with {@link ModuleMissingException} when the
     * board's HELLO has no app runtime, and IllegalArgumentException for a bad topic or length.
     */
    static Future<Void> send(BoardSession session, int topic, byte[] data) {
        String label = session.label();
        if (topic < 0 || topic > 255) {
            throw new IllegalArgumentException(label + ": send(" + topic + ", ...): a topic is 0..255");
        }
        if (data == null || data.length > Command.Msg.MAX_DATA) {
            throw new IllegalArgumentException(label + ": send(" + topic + ", ...): " + (data == null ? "data is null"
                    : data.length + " bytes; a message holds at most " + Command.Msg.MAX_DATA + " (the board's own limit, WW_MSG_MAX, is 8 unless its app sets it)"));
        }
        Answer.HelloInfo h = session.hello();
        if (h != null && !h.has(CAP_APP)) {
            throw new ModuleMissingException(label, null, "send(" + topic + ", ...) needs a firmware with an app (its"
                    + " HELLO lacks capability bit 9): build one with `make firmware BOARD=" + session.spec.name()
                    + " APP=path/to/app` (avr-firmware/README.md, Write your own task)");
        }
        byte[] copy = data.clone();
        return session.request("MSG", (seq, req) -> new Command.Msg(seq, req, topic, copy));
    }
}
