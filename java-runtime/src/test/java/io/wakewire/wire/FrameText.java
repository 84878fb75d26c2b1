package io.wakewire.wire;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The one-line text form of a frame used by tests/vectors/frames.txt, both ways, e.g.
 * {@code h2b ARM seq=3 req=4 pin=2 edges=3 debounce=0} or
 * {@code b2h EVENTS seq=14 base_ts=250000 edge=2:1:0 lost=8:3}. Keys come in a fixed order, so a
 * decoded frame formats to exactly the vectors' text; edges are written with their delta (from the
 * previous edge, or base_ts), as on the wire. Useful beyond tests: a monitor prints frames this way,
 * and a simulator script can be written in it.
 */
public final class FrameText {

    /** Host-to-board direction token. */
    public static final String H2B = "h2b";
    /** Board-to-host direction token. */
    public static final String B2H = "b2h";

    private FrameText() {
    }

    /** {@code h2b} for commands and RAW command types, {@code b2h} otherwise. */
    public static String direction(Frame frame) {
        return FrameTypes.isCommand(frame.type()) ? H2B : B2H;
    }

    /** The frame with its direction: {@code direction(frame) + " " + format(frame)}. */
    public static String line(Frame frame) {
        return direction(frame) + " " + format(frame);
    }

    /** The frame without its direction: {@code TYPE seq=<n> key=value ...}. */
    public static String format(Frame frame) {
        StringBuilder sb = new StringBuilder(64);
        if (frame instanceof Raw r) {
            sb.append("RAW type=0x").append(HexFormat.of().toHexDigits((byte) r.type()))
                    .append(" seq=").append(r.seq()).append(" data=").append(Fields.hex(r.payload()));
            return sb.toString();
        }
        sb.append(FrameTypes.name(frame.type())).append(" seq=").append(frame.seq());
        if (frame instanceof Command c) {
            sb.append(" req=").append(c.reqId());
        } else if (frame instanceof Answer.Reply r) {
            sb.append(" req=").append(r.reqId());
        }
        switch (frame) {
            case Command.PinMode f -> kv(sb, "pin", f.pin(), "mode", f.mode());
            case Command.Arm f -> kv(sb, "pin", f.pin(), "edges", f.edges()).append(" debounce=").append(f.debounceTicks());
            case Command.DigitalWrite f -> kv(sb, "pin", f.pin(), "level", f.level());
            case Command.PwmWrite f -> kv(sb, "pin", f.pin(), "duty", f.duty());
            case Command.Servo f -> kv(sb, "pin", f.pin(), "op", f.op()).append(" ticks=").append(f.ticks());
            case Command.AnalogRead f -> sb.append(" channel=").append(f.channel());
            case Command.Ping f -> sb.append(" data=").append(Fields.hex(f.data()));
            case Command.Hello f -> { }
            case Command.Clock f -> { }
            case Command.Stats f -> { }
            case Command.ResetCause f -> { }
            case Command.ReadPin f -> sb.append(" pin=").append(f.pin());
            case Command.Stream f -> kv(sb, "mask", f.channelMask(), "interval", f.intervalTicks());
            case Command.Msg f -> sb.append(" topic=").append(f.topic()).append(" data=").append(Fields.hex(f.data()));
            case Command.I2c f -> kv(sb, "addr", f.addr(), "nread", f.nread()).append(" data=").append(Fields.hex(f.write()));
            case Command.I2cPoll f -> kv(kv(sb, "addr", f.addr(), "reg", f.reg()), "n", f.n(), "interval_ms", f.intervalMs());
            case Answer.HelloInfo f -> {
                kv(sb, "proto", f.protoVersion(), "fw_major", f.fwMajor());
                sb.append(" fw_minor=").append(f.fwMinor());
                sb.append(" signature=").append(HexFormat.of().toHexDigits(f.signature()).substring(2));
                kv(sb, "f_cpu", f.fCpu(), "tick_ns", f.tickNs());
                kv(sb, "caps", f.capabilities(), "reset_cause", f.resetCause());
                kv(sb, "baud", f.baud(), "n_pins", f.nPins());
            }
            case Answer.Events f -> {
                sb.append(" base_ts=").append(f.baseTs());
                long previous = f.baseTs();
                for (EventRecord r : f.records()) {
                    switch (r) {
                        case EventRecord.Edge e -> {
                            sb.append(" edge=").append(e.pin()).append(':').append(e.level()).append(':')
                                    .append(e.timestamp() - previous);
                            previous = e.timestamp();
                        }
                        case EventRecord.Lost l -> sb.append(" lost=").append(l.source()).append(':').append(l.count());
                    }
                }
            }
            case Answer.Ack f -> { }
            case Answer.Nak f -> kv(sb, "code", f.code(), "detail", f.detail());
            case Answer.Pong f -> sb.append(" data=").append(Fields.hex(f.data()));
            case Answer.Analog f -> kv(sb, "channel", f.channel(), "value", f.value()).append(" ts=").append(f.ts());
            case Answer.StatsReport f -> {
                kv(sb, "crc_errors", f.crcErrors(), "bad_frames", f.badFrames());
                sb.append(" rx_overruns=").append(f.rxOverruns());
                for (Answer.Drop d : f.drops()) {
                    sb.append(" drop=").append(d.source()).append(':').append(d.count());
                }
            }
            case Answer.ClockReading f -> sb.append(" ts=").append(f.ts());
            case Answer.Samples f -> {
                sb.append(" base_ts=").append(f.baseTs());
                long previous = f.baseTs();
                for (SampleRecord r : f.records()) {
                    switch (r) {
                        case SampleRecord.Sample x -> {
                            sb.append(" sample=").append(x.channel()).append(':').append(x.value()).append(':')
                                    .append((x.timestamp() - previous) & 0xFFFF_FFFFL);
                            previous = x.timestamp();
                        }
                        case SampleRecord.Lost l -> sb.append(" lost=").append(l.count());
                    }
                }
            }
            case Answer.PinLevel f -> kv(sb, "pin", f.pin(), "level", f.level()).append(" ts=").append(f.ts());
            case Answer.ResetCauseReport f -> sb.append(" mcusr=").append(f.mcusr());
            case Answer.I2cResult f -> sb.append(" status=").append(f.status()).append(" data=").append(Fields.hex(f.data()));
            case Answer.I2cReading f -> kv(sb, "reading_seq", f.readingSeq(), "ts", f.ts()).append(" status=")
                    .append(f.status()).append(" data=").append(Fields.hex(f.data()));
            case Raw f -> throw new AssertionError("handled above");
        }
        return sb.toString();
    }

    /** Appends two {@code key=value} pairs. */
    private static StringBuilder kv(StringBuilder sb, String k1, long v1, String k2, long v2) {
        return sb.append(' ').append(k1).append('=').append(v1).append(' ').append(k2).append('=').append(v2);
    }

    /**
     * Parses a line {@code <h2b|b2h> <TYPE> seq=<n> key=value ...}. A trailing {@code answer=...}
     * key (what the board answers, in the vectors file) is not part of the frame and is skipped.
     * Throws {@link IllegalArgumentException} naming the token that is wrong.
     */
    public static Frame parse(String line) {
        return new Reader(line).frame();
    }

    /** Walks the tokens of one line in their fixed order. */
    private static final class Reader {
        private final String line;
        private final String[] tokens;
        private int next;

        Reader(String line) {
            this.line = line.strip();
            this.tokens = this.line.split(" +");
        }

        Frame frame() {
            if (tokens.length < 3) {
                throw bad("expected '<h2b|b2h> <TYPE> seq=<n> ...'");
            }
            String dir = tokens[0];
            if (!dir.equals(H2B) && !dir.equals(B2H)) {
                throw bad("direction '" + dir + "' is neither h2b nor b2h");
            }
            boolean h2b = dir.equals(H2B);
            String type = tokens[1];
            next = 2;
            Frame f;
            if (type.equals("RAW")) {
                int t = (int) num("type");
                f = new Raw(t, (int) num("seq"), bytes("data"));
            } else {
                int seq = (int) num("seq");
                f = h2b ? command(type, seq) : answer(type, seq);
            }
            if (next < tokens.length && tokens[next].startsWith("answer=")) {
                next++;
            }
            if (next < tokens.length) {
                throw bad("unexpected '" + tokens[next] + "' after the fields of " + type);
            }
            return f;
        }

        private Frame command(String type, int seq) {
            int req = (int) num("req");
            return switch (type) {
                case "HELLO" -> new Command.Hello(seq, req);
                case "PIN_MODE" -> new Command.PinMode(seq, req, (int) num("pin"), (int) num("mode"));
                case "ARM" -> new Command.Arm(seq, req, (int) num("pin"), (int) num("edges"), (int) num("debounce"));
                case "DIGITAL_WRITE" -> new Command.DigitalWrite(seq, req, (int) num("pin"), (int) num("level"));
                case "PWM_WRITE" -> new Command.PwmWrite(seq, req, (int) num("pin"), (int) num("duty"));
                case "SERVO" -> new Command.Servo(seq, req, (int) num("pin"), (int) num("op"), (int) num("ticks"));
                case "ANALOG_READ" -> new Command.AnalogRead(seq, req, (int) num("channel"));
                case "PING" -> new Command.Ping(seq, req, bytes("data"));
                case "CLOCK" -> new Command.Clock(seq, req);
                case "STATS" -> new Command.Stats(seq, req);
                case "RESET_CAUSE" -> new Command.ResetCause(seq, req);
                case "READ_PIN" -> new Command.ReadPin(seq, req, (int) num("pin"));
                case "STREAM" -> new Command.Stream(seq, req, (int) num("mask"), (int) num("interval"));
                case "MSG" -> new Command.Msg(seq, req, (int) num("topic"), bytes("data"));
                case "I2C" -> new Command.I2c(seq, req, (int) num("addr"), (int) num("nread"), bytes("data"));
                case "I2C_POLL" -> new Command.I2cPoll(seq, req, (int) num("addr"), (int) num("reg"), (int) num("n"),
                        (int) num("interval_ms"));
                default -> throw bad("unknown command type '" + type + "'");
            };
        }

        private Frame answer(String type, int seq) {
            if (type.equals("SAMPLES")) {
                long base = num("base_ts");
                List<SampleRecord> records = new ArrayList<>();
                long ts = base;
                while (next < tokens.length && (tokens[next].startsWith("sample=") || tokens[next].startsWith("lost="))) {
                    boolean sample = tokens[next].startsWith("sample=");
                    long[] parts = triple(sample ? "sample" : "lost", sample ? 3 : 1);
                    if (sample) {
                        ts = (ts + parts[2]) & 0xFFFF_FFFFL;
                        records.add(new SampleRecord.Sample((int) parts[0], (int) parts[1], ts));
                    } else {
                        records.add(new SampleRecord.Lost((int) parts[0]));
                    }
                }
                return new Answer.Samples(seq, base, records);
            }
            if (type.equals("EVENTS")) {
                long base = num("base_ts");
                List<EventRecord> records = new ArrayList<>();
                long ts = base;
                while (next < tokens.length && (tokens[next].startsWith("edge=") || tokens[next].startsWith("lost="))) {
                    boolean edge = tokens[next].startsWith("edge=");
                    long[] parts = triple(edge ? "edge" : "lost", edge ? 3 : 2);
                    if (edge) {
                        ts += parts[2];
                        records.add(new EventRecord.Edge((int) parts[0], (int) parts[1], ts));
                    } else {
                        records.add(new EventRecord.Lost((int) parts[0], parts[1]));
                    }
                }
                return new Answer.Events(seq, base, records);
            }
            if (type.equals("I2C_READINGS")) {
                return new Answer.I2cReading(seq, (int) num("reading_seq"), num("ts"), (int) num("status"), bytes("data"));
            }
            int req = (int) num("req");
            return switch (type) {
                case "I2C" -> new Answer.I2cResult(seq, req, (int) num("status"), bytes("data"));
                case "HELLO" -> new Answer.HelloInfo(seq, req, (int) num("proto"), (int) num("fw_major"),
                        (int) num("fw_minor"), signature(), num("f_cpu"), (int) num("tick_ns"), (int) num("caps"),
                        (int) num("reset_cause"), num("baud"), (int) num("n_pins"));
                case "ACK" -> new Answer.Ack(seq, req);
                case "NAK" -> new Answer.Nak(seq, req, (int) num("code"), (int) num("detail"));
                case "PONG" -> new Answer.Pong(seq, req, bytes("data"));
                case "ANALOG" -> new Answer.Analog(seq, req, (int) num("channel"), (int) num("value"), num("ts"));
                case "LEVEL" -> new Answer.PinLevel(seq, req, (int) num("pin"), (int) num("level"), num("ts"));
                case "STATS" -> {
                    int crc = (int) num("crc_errors");
                    int bad = (int) num("bad_frames");
                    int over = (int) num("rx_overruns");
                    List<Answer.Drop> drops = new ArrayList<>();
                    while (next < tokens.length && tokens[next].startsWith("drop=")) {
                        long[] d = triple("drop", 2);
                        drops.add(new Answer.Drop((int) d[0], (int) d[1]));
                    }
                    yield new Answer.StatsReport(seq, req, crc, bad, over, drops);
                }
                case "CLOCK" -> new Answer.ClockReading(seq, req, num("ts"));
                case "RESET_CAUSE" -> new Answer.ResetCauseReport(seq, req, (int) num("mcusr"));
                default -> throw bad("unknown answer type '" + type + "'");
            };
        }

        private String value(String key) {
            if (next >= tokens.length) {
                throw bad("missing " + key + "=");
            }
            String t = tokens[next];
            if (!t.startsWith(key + "=")) {
                throw bad("expected " + key + "=... but found '" + t + "'");
            }
            next++;
            return t.substring(key.length() + 1);
        }

        private long num(String key) {
            return number(key, value(key));
        }

        private long number(String key, String v) {
            try {
                return v.startsWith("0x") ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw bad(key + " = '" + v + "' is not a number");
            }
        }

        private long[] triple(String key, int n) {
            String[] parts = value(key).split(":", -1);
            if (parts.length != n) {
                throw bad(key + " needs " + n + " numbers separated by ':'");
            }
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                out[i] = number(key, parts[i]);
            }
            return out;
        }

        private byte[] bytes(String key) {
            String v = value(key);
            if (v.equals("-")) {
                return new byte[0];
            }
            try {
                return HexFormat.of().parseHex(v);
            } catch (IllegalArgumentException e) {
                throw bad(key + " = '" + v + "' is not contiguous hex bytes");
            }
        }

        private int signature() {
            byte[] b = bytes("signature");
            if (b.length != 3) {
                throw bad("signature needs 3 bytes (6 hex digits)");
            }
            return (b[0] & 0xFF) << 16 | (b[1] & 0xFF) << 8 | (b[2] & 0xFF);
        }

        private IllegalArgumentException bad(String what) {
            return new IllegalArgumentException("frame text '" + line + "': " + what);
        }
    }
}
