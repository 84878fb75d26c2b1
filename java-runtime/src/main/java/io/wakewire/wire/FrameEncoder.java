package io.wakewire.wire;

/**
 * Frame to wire bytes: body (type, seq, payload, CRC-16 low byte first), COBS, then the final 0x00.
 * Works for both directions, EVENTS included, so tests and a host-side board simulator can
 * produce exactly what the firmware sends.
 *
 * <p>An instance keeps a 70-byte scratch body and is not thread-safe; {@link #encode(Frame, byte[],
 * int)} allocates nothing. A payload longer than {@link Frame#MAX_PAYLOAD} (an EVENTS frame with
 * too many records, say) is an {@link IllegalArgumentException}: that is the caller's bug, the
 * protocol has no way to carry it.
 */
public final class FrameEncoder {

    /** Payload limit plus room for one record past it, so an overlong EVENTS is caught, not overrun. */
    private final byte[] body = new byte[2 + Frame.MAX_PAYLOAD + 8 + 2];

    /** The wire bytes of {@code frame} in a new array. */
    public byte[] encode(Frame frame) {
        byte[] out = new byte[Frame.MAX_WIRE];
        int n = encode(frame, out, 0);
        return java.util.Arrays.copyOf(out, n);
    }

    /** One-off convenience: {@code new FrameEncoder().encode(frame)}. */
    public static byte[] toWire(Frame frame) {
        return new FrameEncoder().encode(frame);
    }

    /**
     * Writes the wire bytes of {@code frame} at {@code off} ({@link Frame#MAX_WIRE} bytes of room
     * suffice); returns how many were written, the final 0x00 included.
     */
    public int encode(Frame frame, byte[] dst, int off) {
        body[0] = (byte) frame.type();
        body[1] = (byte) frame.seq();
        int end = payload(frame, 2);
        int payloadLen = end - 2;
        if (payloadLen > Frame.MAX_PAYLOAD) {
            throw new IllegalArgumentException(FrameTypes.name(frame.type()) + " payload of " + payloadLen
                    + "+ bytes exceeds the " + Frame.MAX_PAYLOAD + "-byte limit");
        }
        int crc = Crc16.of(body, 0, end);
        body[end++] = (byte) crc;
        body[end++] = (byte) (crc >>> 8);
        int n = Cobs.encode(body, 0, end, dst, off);
        dst[off + n] = 0;
        return n + 1;
    }

    private int payload(Frame frame, int p) {
        return switch (frame) {
            case Command.Hello f -> u8(p, f.reqId());
            case Command.PinMode f -> u8(u8(u8(p, f.reqId()), f.pin()), f.mode());
            case Command.Arm f -> u16(u8(u8(u8(p, f.reqId()), f.pin()), f.edges()), f.debounceTicks());
            case Command.DigitalWrite f -> u8(u8(u8(p, f.reqId()), f.pin()), f.level());
            case Command.PwmWrite f -> u8(u8(u8(p, f.reqId()), f.pin()), f.duty());
            case Command.Servo f -> u16(u8(u8(u8(p, f.reqId()), f.pin()), f.op()), f.ticks());
            case Command.AnalogRead f -> u8(u8(p, f.reqId()), f.channel());
            case Command.Ping f -> bytes(u8(p, f.reqId()), f.data());
            case Command.Clock f -> u8(p, f.reqId());
            case Command.Stats f -> u8(p, f.reqId());
            case Command.ResetCause f -> u8(p, f.reqId());
            case Command.ReadPin f -> u8(u8(p, f.reqId()), f.pin());
            case Command.Stream f -> u16(u16(u8(p, f.reqId()), f.channelMask()), f.intervalTicks());
            case Command.Msg f -> bytes(u8(u8(p, f.reqId()), f.topic()), f.data());
            case Command.I2c f -> bytes(u8(u8(u8(p, f.reqId()), f.addr()), f.nread()), f.write());
            case Command.I2cPoll f -> u16(u8(u8(u8(u8(p, f.reqId()), f.addr()), f.reg()), f.n()), f.intervalMs());

            case Answer.HelloInfo f -> {
                p = u8(p, f.reqId());
                p = u8(p, f.protoVersion());
                p = u8(p, f.fwMajor());
                p = u8(p, f.fwMinor());
                p = u8(p, f.signature() >>> 16);
                p = u8(p, (f.signature() >>> 8) & 0xFF);
                p = u8(p, f.signature() & 0xFF);
                p = u32(p, f.fCpu());
                p = u16(p, f.tickNs());
                p = u16(p, f.capabilities());
                p = u8(p, f.resetCause());
                p = u32(p, f.baud());
                yield u8(p, f.nPins());
            }
            case Answer.Events f -> events(p, f);
            case Answer.Samples f -> samples(p, f);
            case Answer.Ack f -> u8(p, f.reqId());
            case Answer.Nak f -> u8(u8(u8(p, f.reqId()), f.code()), f.detail());
            case Answer.Pong f -> bytes(u8(p, f.reqId()), f.data());
            case Answer.Analog f -> u32(u16(u8(u8(p, f.reqId()), f.channel()), f.value()), f.ts());
            case Answer.StatsReport f -> {
                p = u16(u16(u16(u8(p, f.reqId()), f.crcErrors()), f.badFrames()), f.rxOverruns());
                p = u8(p, f.drops().size());
                for (Answer.Drop d : f.drops()) {
                    if (p > 2 + Frame.MAX_PAYLOAD) {
                        break; // overlong: reported by the caller's length check
                    }
                    p = u16(u8(p, d.source()), d.count());
                }
                yield p;
            }
            case Answer.ClockReading f -> u32(u8(p, f.reqId()), f.ts());
            case Answer.PinLevel f -> u32(u8(u8(u8(p, f.reqId()), f.pin()), f.level()), f.ts());
            case Answer.ResetCauseReport f -> u8(u8(p, f.reqId()), f.mcusr());
            case Answer.I2cResult f -> bytes(u8(u8(p, f.reqId()), f.status()), f.data());
            case Answer.I2cReading f -> bytes(u8(u32(u16(p, f.readingSeq()), f.ts()), f.status()), f.data());
            case Raw f -> bytes(p, f.payload());
        };
    }

    private int samples(int p, Answer.Samples f) {
        p = u32(p, f.baseTs());
        long previous = f.baseTs();
        for (SampleRecord r : f.records()) {
            if (p > 2 + Frame.MAX_PAYLOAD) {
                break; // overlong: reported by the caller's length check
            }
            switch (r) {
                case SampleRecord.Sample s -> {
                    p = u16(p, s.value() | s.channel() << 10);
                    p = Leb128.write((s.timestamp() - previous) & 0xFFFF_FFFFL, body, p);
                    previous = s.timestamp();
                }
                case SampleRecord.Lost l -> p = u16(p, SampleRecord.LOST_BIT | l.count());
            }
        }
        return p;
    }

    private int events(int p, Answer.Events f) {
        p = u32(p, f.baseTs());
        long previous = f.baseTs();
        for (EventRecord r : f.records()) {
            if (p > 2 + Frame.MAX_PAYLOAD) {
                break; // overlong: reported by the caller's length check
            }
            switch (r) {
                case EventRecord.Edge e -> {
                    p = u8(p, e.level() << 7 | e.pin());
                    p = Leb128.write(e.timestamp() - previous, body, p);
                    previous = e.timestamp();
                }
                case EventRecord.Lost l -> {
                    p = u8(u8(p, EventRecord.LOST_MARKER), l.source());
                    p = Leb128.write(l.count(), body, p);
                }
            }
        }
        return p;
    }

    private int u8(int p, int v) {
        body[p] = (byte) v;
        return p + 1;
    }

    private int u16(int p, int v) {
        body[p] = (byte) v;
        body[p + 1] = (byte) (v >>> 8);
        return p + 2;
    }

    private int u32(int p, long v) {
        body[p] = (byte) v;
        body[p + 1] = (byte) (v >>> 8);
        body[p + 2] = (byte) (v >>> 16);
        body[p + 3] = (byte) (v >>> 24);
        return p + 4;
    }

    private int bytes(int p, byte[] data) {
        System.arraycopy(data, 0, body, p, data.length);
        return p + data.length;
    }
}
