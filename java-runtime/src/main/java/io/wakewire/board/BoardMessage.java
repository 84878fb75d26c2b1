package io.wakewire.board;

import java.util.Arrays;

/**
 * A message from a task on the board ({@code msg_send(topic, buf, n)} in C; a MSG frame, PROTOCOL.md).
 *
 * @param topic        the board task's topic (0..255)
 * @param data         its bytes (a copy each call)
 * @param lostBefore   messages that went missing just before this one: refused by the board's full
 *                     queue (of any topic: the board counts them together) or dropped by this
 *                     stream's full buffer. Never silent: 0 means none.
 * @param arrivalNanos host {@code System.nanoTime()} when its frame arrived
 */
public record BoardMessage(int topic, byte[] data, long lostBefore, long arrivalNanos) {

    public BoardMessage {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The first four bytes as a little-endian unsigned 32-bit number (what a C {@code uint32_t} sends). */
    public long u32() {
        if (data.length < 4) {
            throw new IllegalStateException("message on topic " + topic + " has " + data.length + " bytes, not a u32");
        }
        return (data[0] & 0xFFL) | (data[1] & 0xFFL) << 8 | (data[2] & 0xFFL) << 16 | (data[3] & 0xFFL) << 24;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BoardMessage m && m.topic == topic && Arrays.equals(m.data, data) && m.lostBefore == lostBefore
                && m.arrivalNanos == arrivalNanos;
    }

    @Override
    public int hashCode() {
        return topic * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "BoardMessage[topic=" + topic + ", data=" + java.util.HexFormat.of().formatHex(data)
                + (lostBefore > 0 ? ", lostBefore=" + lostBefore : "") + "]";
    }
}
