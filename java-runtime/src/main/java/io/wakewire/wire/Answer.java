package io.wakewire.wire;

import java.util.Arrays;
import java.util.List;

import static io.wakewire.wire.Fields.u16;
import static io.wakewire.wire.Fields.u32;
import static io.wakewire.wire.Fields.u8;

/**
 * A board-to-host frame (types 0x00..0x7F): an answer to a command ({@link Reply}, echoing its
 * request id) or the unsolicited {@link Events}. Unsigned 32-bit fields are {@code long}s.
 */
public sealed interface Answer extends Frame {

    /** An answer that echoes the request id of the command it answers (0 for the boot HELLO). */
    sealed interface Reply extends Answer {
        int reqId();
    }

    /**
     * HELLO (0x10), sent once after every reset (req_id 0) and on request. {@code signature} is the
     * three MCU signature bytes as one number (ATmega328P {@code 0x1E950F}); {@code tickNs} is the
     * timestamp tick in nanoseconds; {@code resetCause} is MCUSR at reset.
     */
    record HelloInfo(int seq, int reqId, int protoVersion, int fwMajor, int fwMinor, int signature,
                     long fCpu, int tickNs, int capabilities, int resetCause, long baud, int nPins)
            implements Reply {
        public static final int CAP_EDGE_EVENTS = 1;
        public static final int CAP_DEBOUNCE = 1 << 1;
        public static final int CAP_PWM = 1 << 2;
        public static final int CAP_ANALOG_READ = 1 << 3;
        public static final int CAP_PIN_CHANGE = 1 << 4;
        public static final int CAP_LOST_MARKERS = 1 << 5;
        public static final int CAP_STREAM = 1 << 6;
        public static final int CAP_SERVO = 1 << 7;
        public static final int CAP_I2C = 1 << 8;

        public HelloInfo {
            u8("seq", seq);
            u8("req_id", reqId);
            u8("proto_version", protoVersion);
            u8("fw_major", fwMajor);
            u8("fw_minor", fwMinor);
            if ((signature & ~0xFF_FFFF) != 0) {
                throw new IllegalArgumentException("signature = " + signature + " does not fit in 3 bytes");
            }
            u32("f_cpu", fCpu);
            u16("tick_ns", tickNs);
            u16("capabilities", capabilities);
            u8("reset_cause", resetCause);
            u32("baud", baud);
            u8("n_pins", nPins);
        }

        /** True when the board announces capability bit {@code cap} (one of the CAP_ constants). */
        public boolean has(int cap) {
            return (capabilities & cap) == cap;
        }

        @Override
        public int type() {
            return FrameTypes.HELLO;
        }
    }

    /**
     * EVENTS (0x11): edges and LOST markers in the order the board took them. The list is
     * immutable; building one allocates a record per edge; a decoder sink that wants no allocation
     * per edge reads {@link EventBatch} instead (see {@link FrameSink#events}).
     */
    record Events(int seq, long baseTs, List<EventRecord> records) implements Answer {
        public Events {
            u8("seq", seq);
            u32("base_ts", baseTs);
            records = List.copyOf(records);
            long previous = baseTs;
            for (int i = 0; i < records.size(); i++) {
                if (records.get(i) instanceof EventRecord.Edge e) {
                    long delta = e.timestamp() - previous;
                    if (delta < 0 || delta > Leb128.MAX_VALUE) {
                        throw new IllegalArgumentException("EVENTS record " + i + ": timestamp " + e.timestamp()
                                + " is not 0..2^32-1 ticks after the previous edge (or base_ts) at " + previous);
                    }
                    previous = e.timestamp();
                }
            }
        }

        @Override
        public int type() {
            return FrameTypes.EVENTS;
        }
    }

    /** ACK (0x20): the command was carried out. */
    record Ack(int seq, int reqId) implements Reply {
        public Ack {
            u8("seq", seq);
            u8("req_id", reqId);
        }

        @Override
        public int type() {
            return FrameTypes.ACK;
        }
    }

    /** NAK (0x21): the command was refused; {@link #reason()} names the code. */
    record Nak(int seq, int reqId, int code, int detail) implements Reply {
        public Nak {
            u8("seq", seq);
            u8("req_id", reqId);
            u8("code", code);
            u8("detail", detail);
        }

        public Nak(int seq, int reqId, NakCode code, int detail) {
            this(seq, reqId, code.code(), detail);
        }

        /** The code as a constant ({@link NakCode#UNKNOWN} for a code v1 does not define). */
        public NakCode reason() {
            return NakCode.of(code);
        }

        @Override
        public int type() {
            return FrameTypes.NAK;
        }
    }

    /** PONG (0x22): the PING's bytes, echoed. */
    record Pong(int seq, int reqId, byte[] data) implements Reply {
        public Pong {
            u8("seq", seq);
            u8("req_id", reqId);
            data = Fields.bytes("pong data", data, MAX_PAYLOAD - 1);
        }

        /** A copy of the bytes (the record stays immutable). */
        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public int type() {
            return FrameTypes.PONG;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Pong p && p.seq == seq && p.reqId == reqId && Arrays.equals(p.data, data);
        }

        @Override
        public int hashCode() {
            return (seq * 31 + reqId) * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Pong[seq=" + seq + ", reqId=" + reqId + ", data=" + Fields.hex(data) + "]";
        }
    }

    /** ANALOG (0x23): a 10-bit conversion of {@code channel}, taken at board tick {@code ts}. */
    record Analog(int seq, int reqId, int channel, int value, long ts) implements Reply {
        public Analog {
            u8("seq", seq);
            u8("req_id", reqId);
            u8("channel", channel);
            u16("value", value);
            u32("ts", ts);
        }

        @Override
        public int type() {
            return FrameTypes.ANALOG;
        }
    }

    /**
     * SAMPLES (0x12, module stream): unsolicited, sequence-numbered like EVENTS: {@code baseTs} (the
     * first sample's tick), then samples with their trigger ticks and LOST markers, in board order.
     */
    record Samples(int seq, long baseTs, List<SampleRecord> records) implements Answer {
        public Samples {
            u8("seq", seq);
            u32("base_ts", baseTs);
            records = List.copyOf(records);
        }

        @Override
        public int type() {
            return FrameTypes.SAMPLES;
        }
    }

    /**
     * LEVEL (0x27): the answer to READ_PIN: {@code pin}'s level (0 low, 1 high) read at board tick
     * {@code ts}, with interrupts off (an edge after the read has a tick at or after {@code ts}).
     */
    record PinLevel(int seq, int reqId, int pin, int level, long ts) implements Reply {
        public PinLevel {
            u8("seq", seq);
            u8("req_id", reqId);
            u8("pin", pin);
            u8("level", level);
            u32("ts", ts);
        }

        @Override
        public int type() {
            return FrameTypes.LEVEL;
        }
    }

    /**
     * STATS (0x24): counters since reset, each wrapping modulo 2^16 (take differences), and the
     * drops of every drop source the MCU has.
     */
    record StatsReport(int seq, int reqId, int crcErrors, int badFrames, int rxOverruns, List<Drop> drops)
            implements Reply {
        public StatsReport {
            u8("seq", seq);
            u8("req_id", reqId);
            u16("crc_errors", crcErrors);
            u16("bad_frames", badFrames);
            u16("rx_overruns", rxOverruns);
            drops = List.copyOf(drops);
            u8("drop count", drops.size());
        }

        @Override
        public int type() {
            return FrameTypes.STATS;
        }
    }

    /** One drop source's counter in a {@link StatsReport}. */
    record Drop(int source, int count) {
        public Drop {
            u8("drop source", source);
            u16("drop count", count);
        }
    }

    /**
     * I2C (0x28, module i2c): how a transaction ended ({@code status}: 0 done, 1 address NAK, 2 data
     * NAK, 3 bus stuck and recovered, 4 bus stuck and still held, 5 bus error) and the bytes read.
     */
    record I2cResult(int seq, int reqId, int status, byte[] data) implements Reply {
        public static final int OK = 0;
        public static final int ADDRESS_NAK = 1;
        public static final int DATA_NAK = 2;
        public static final int STUCK_RECOVERED = 3;
        public static final int STUCK_HELD = 4;
        public static final int BUS_ERROR = 5;

        public I2cResult {
            u8("seq", seq);
            u8("req_id", reqId);
            u8("status", status);
            data = Fields.bytes("i2c data", data, MAX_PAYLOAD - 2);
        }

        /** A copy of the bytes. */
        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public int type() {
            return FrameTypes.I2C;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof I2cResult r && r.seq == seq && r.reqId == reqId && r.status == status
                    && Arrays.equals(r.data, data);
        }

        @Override
        public int hashCode() {
            return ((seq * 31 + reqId) * 31 + status) * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "I2cResult[seq=" + seq + ", reqId=" + reqId + ", status=" + status + ", data=" + Fields.hex(data) + "]";
        }
    }

    /**
     * I2C_READINGS (0x14, module i2c): one board-timed reading of an I2C_POLL, unasked: its number
     * ({@code readingSeq}, u16; a gap is a reading the board could not send), the board tick it was
     * taken at, its status (as {@link I2cResult}) and its bytes.
     */
    record I2cReading(int seq, int readingSeq, long ts, int status, byte[] data) implements Answer {
        public I2cReading {
            u8("seq", seq);
            u16("reading_seq", readingSeq);
            u32("ts", ts);
            u8("status", status);
            data = Fields.bytes("i2c data", data, MAX_PAYLOAD - 7);
        }

        /** A copy of the bytes. */
        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public int type() {
            return FrameTypes.I2C_READINGS;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof I2cReading r && r.seq == seq && r.readingSeq == readingSeq && r.ts == ts
                    && r.status == status && Arrays.equals(r.data, data);
        }

        @Override
        public int hashCode() {
            return ((seq * 31 + readingSeq) * 31 + Long.hashCode(ts) + status) * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "I2cReading[seq=" + seq + ", readingSeq=" + readingSeq + ", ts=" + ts + ", status=" + status
                    + ", data=" + Fields.hex(data) + "]";
        }
    }

    /** CLOCK (0x25): the board tick at which the CLOCK command was executed. */
    record ClockReading(int seq, int reqId, long ts) implements Reply {
        public ClockReading {
            u8("seq", seq);
            u8("req_id", reqId);
            u32("ts", ts);
        }

        @Override
        public int type() {
            return FrameTypes.CLOCK;
        }
    }

    /** RESET_CAUSE (0x26): MCUSR at reset (bit0 PORF, bit1 EXTRF, bit2 BORF, bit3 WDRF, bit4 JTRF). */
    record ResetCauseReport(int seq, int reqId, int mcusr) implements Reply {
        public ResetCauseReport {
            u8("seq", seq);
            u8("req_id", reqId);
            u8("mcusr", mcusr);
        }

        @Override
        public int type() {
            return FrameTypes.RESET_CAUSE;
        }
    }
}
