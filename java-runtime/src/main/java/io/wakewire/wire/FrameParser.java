package io.wakewire.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns the payload of a frame that passed COBS and CRC into its typed record. Never throws: a
 * type v1 does not define, a payload too short for its type's fields, or a malformed EVENTS payload
 * becomes a {@link Raw}. Extra trailing bytes after a type's fields are ignored (PROTOCOL.md
 * section 5: newer peers append fields), except for PING, whose payload may hold at most 8 bytes
 * after req_id.
 */
public final class FrameParser {

    private FrameParser() {
    }

    /** The frame of {@code type} and {@code seq} whose payload is {@code len} bytes of {@code buf} at {@code off}. */
    public static Frame parse(int type, int seq, byte[] buf, int off, int len) {
        if (type == FrameTypes.EVENTS) {
            EventBatch batch = new EventBatch();
            return batch.reset(seq, buf, off, len) ? batch.toEvents() : raw(type, seq, buf, off, len);
        }
        if (type == FrameTypes.SAMPLES) {
            Frame s = samples(seq, buf, off, len);
            return s != null ? s : raw(type, seq, buf, off, len);
        }
        Frame f = typed(type, seq, buf, off, len);
        return f != null ? f : raw(type, seq, buf, off, len);
    }

    static Raw raw(int type, int seq, byte[] buf, int off, int len) {
        return new Raw(type, seq, Arrays.copyOfRange(buf, off, off + len));
    }

    /** The typed record, or null when the payload does not fit the type (or the type is unknown). */
    private static Frame typed(int type, int seq, byte[] b, int o, int n) {
        if (n < 1) {
            return null;
        }
        int req = b[o] & 0xFF;
        return switch (type) {
            case FrameTypes.HELLO_REQUEST -> new Command.Hello(seq, req);
            case FrameTypes.PIN_MODE -> n < 3 ? null : new Command.PinMode(seq, req, u8(b, o + 1), u8(b, o + 2));
            case FrameTypes.ARM -> n < 5 ? null
                    : new Command.Arm(seq, req, u8(b, o + 1), u8(b, o + 2), u16(b, o + 3));
            case FrameTypes.DIGITAL_WRITE -> n < 3 ? null
                    : new Command.DigitalWrite(seq, req, u8(b, o + 1), u8(b, o + 2));
            case FrameTypes.PWM_WRITE -> n < 3 ? null : new Command.PwmWrite(seq, req, u8(b, o + 1), u8(b, o + 2));
            case FrameTypes.SERVO -> n < 3 ? null
                    : new Command.Servo(seq, req, u8(b, o + 1), u8(b, o + 2), n < 5 ? 0 : u16(b, o + 3));
            case FrameTypes.ANALOG_READ -> n < 2 ? null : new Command.AnalogRead(seq, req, u8(b, o + 1));
            case FrameTypes.PING -> n > 1 + Command.Ping.MAX_DATA ? null
                    : new Command.Ping(seq, req, Arrays.copyOfRange(b, o + 1, o + n));
            case FrameTypes.CLOCK_REQUEST -> new Command.Clock(seq, req);
            case FrameTypes.READ_PIN -> n < 2 ? null : new Command.ReadPin(seq, req, u8(b, o + 1));
            case FrameTypes.STREAM -> n < 5 ? null : new Command.Stream(seq, req, u16(b, o + 1), u16(b, o + 3));
            case FrameTypes.STATS_REQUEST -> new Command.Stats(seq, req);
            case FrameTypes.RESET_CAUSE_REQUEST -> new Command.ResetCause(seq, req);
            case FrameTypes.MSG_REQUEST -> n < 2 ? null : new Command.Msg(seq, req, u8(b, o + 1), Arrays.copyOfRange(b, o + 2, o + n));
            case FrameTypes.I2C_REQUEST -> n < 3 || n > 3 + Command.I2c.MAX_DATA ? null
                    : new Command.I2c(seq, req, u8(b, o + 1), u8(b, o + 2), Arrays.copyOfRange(b, o + 3, o + n));
            case FrameTypes.I2C_POLL -> n < 6 ? null
                    : new Command.I2cPoll(seq, req, u8(b, o + 1), u8(b, o + 2), u8(b, o + 3), u16(b, o + 4));

            case FrameTypes.HELLO -> n < 21 ? null : new Answer.HelloInfo(seq, req, u8(b, o + 1), u8(b, o + 2),
                    u8(b, o + 3), u8(b, o + 4) << 16 | u8(b, o + 5) << 8 | u8(b, o + 6), u32(b, o + 7),
                    u16(b, o + 11), u16(b, o + 13), u8(b, o + 15), u32(b, o + 16), u8(b, o + 20));
            case FrameTypes.ACK -> new Answer.Ack(seq, req);
            case FrameTypes.NAK -> n < 3 ? null : new Answer.Nak(seq, req, u8(b, o + 1), u8(b, o + 2));
            case FrameTypes.PONG -> new Answer.Pong(seq, req, Arrays.copyOfRange(b, o + 1, o + n));
            case FrameTypes.ANALOG -> n < 8 ? null
                    : new Answer.Analog(seq, req, u8(b, o + 1), u16(b, o + 2), u32(b, o + 4));
            case FrameTypes.STATS -> stats(seq, req, b, o, n);
            case FrameTypes.LEVEL -> n < 7 ? null
                    : new Answer.PinLevel(seq, req, u8(b, o + 1), u8(b, o + 2), u32(b, o + 3));
            case FrameTypes.CLOCK -> n < 5 ? null : new Answer.ClockReading(seq, req, u32(b, o + 1));
            case FrameTypes.RESET_CAUSE -> n < 2 ? null : new Answer.ResetCauseReport(seq, req, u8(b, o + 1));
            case FrameTypes.I2C -> n < 2 ? null : new Answer.I2cResult(seq, req, u8(b, o + 1), Arrays.copyOfRange(b, o + 2, o + n));
            case FrameTypes.I2C_READINGS -> n < 7 ? null : new Answer.I2cReading(seq, u16(b, o), u32(b, o + 2), u8(b, o + 6),
                    Arrays.copyOfRange(b, o + 7, o + n));
            default -> null;
        };
    }

    /** SAMPLES: base_ts, then per record a word (bit 15: LOST marker) and, for a sample, its delta LEB128. */
    private static Frame samples(int seq, byte[] b, int o, int n) {
        if (n < 4) {
            return null;
        }
        long base = u32(b, o);
        long ts = base;
        List<SampleRecord> out = new ArrayList<>();
        int i = o + 4, end = o + n;
        while (i < end) {
            if (i + 2 > end) {
                return null;
            }
            int w = u16(b, i);
            i += 2;
            if ((w & SampleRecord.LOST_BIT) != 0) {
                if ((w & 0x7FFF) == 0) {
                    return null;
                }
                out.add(new SampleRecord.Lost(w & 0x7FFF));
                continue;
            }
            long d = Leb128.read(b, i, end);
            if (d < 0 || (w & 0x4000) != 0) {
                return null;
            }
            i += Leb128.length(d);
            ts = (ts + Leb128.value(d)) & 0xFFFF_FFFFL;
            out.add(new SampleRecord.Sample(w >> 10 & 0xF, w & 0x3FF, ts));
        }
        return new Answer.Samples(seq, base, out);
    }

    private static Frame stats(int seq, int req, byte[] b, int o, int n) {
        if (n < 8) {
            return null;
        }
        int count = u8(b, o + 7);
        if (n < 8 + 3 * count) {
            return null;
        }
        List<Answer.Drop> drops = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int at = o + 8 + 3 * i;
            drops.add(new Answer.Drop(u8(b, at), u16(b, at + 1)));
        }
        return new Answer.StatsReport(seq, req, u16(b, o + 1), u16(b, o + 3), u16(b, o + 5), drops);
    }

    private static int u8(byte[] b, int at) {
        return b[at] & 0xFF;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (long) (b[at + 3] & 0xFF) << 24;
    }
}
