package io.wakewire.wire;

import java.util.Arrays;

import static io.wakewire.wire.Fields.u16;
import static io.wakewire.wire.Fields.u8;

/**
 * A host-to-board frame (types 0x80..0xFF). Every command carries a request id (the host uses
 * 1..255) that the board's answer echoes. Field values are what is on the wire, not checked against
 * a board: {@code new PinMode(seq, req, 13, 3)} is a valid frame that the board NAKs with
 * {@code bad_argument}. Constants name the values PROTOCOL.md defines.
 */
public sealed interface Command extends Frame {

    /** The request id (0..255) the answer echoes. */
    int reqId();

    /** HELLO (0x81): asks for the board's {@link Answer.HelloInfo}. */
    record Hello(int seq, int reqId) implements Command {
        public Hello {
            u8("seq", seq);
            u8("req_id", reqId);
        }

        @Override
        public int type() {
            return FrameTypes.HELLO_REQUEST;
        }
    }

    /** PIN_MODE (0x82): input, input with pull-up, or output; answered by ACK. */
    record PinMode(int seq, int reqId, int pin, int mode) implements Command {
        public static final int INPUT = 0;
        public static final int INPUT_PULLUP = 1;
        public static final int OUTPUT = 2;

        public PinMode {
            u8("seq", seq);
            u8("req_id", reqId);
            u8("pin", pin);
            u8("mode", mode);
        }

        @Override
        public int type() {
            return FrameTypes.PIN_MODE;
        }
    }

    /** ARM (0x83): which edges of a pin become EVENTS, with an on-board debounce in ticks (0 = none). */
    record Arm(int seq, int reqId, int pin, int edges, int debounceTicks) implements Command {
        public static final int OFF = 0;
        public static final int RISING = 1;
        public static final int FALLING = 2;
        public static final int BOTH = 3;

        public Arm {
            u8("seq", seq);
            u8("req_id", reqId);
            u8("pin", pin);
            u8("edges", edges);
            u16("debounce", debounceTicks);
        }

        @Override
        public int type() {
            return FrameTypes.ARM;
        }
    }

    /** DIGITAL_WRITE (0x84): level 0 low, 1 high; answered by ACK. */
    record DigitalWrite(int seq, int reqId, int pin, int level) implements Command {
        public DigitalWrite {
            u8("seq", seq);
            u8("req_id", reqId);
            u8("pin", pin);
            u8("level", level);
        }

        @Override
        public int type() {
            return FrameTypes.DIGITAL_WRITE;
        }
    }

    /** PWM_WRITE (0x85): duty 0 (low) .. 255 (high); answered by ACK. */
    record PwmWrite(int seq, int reqId, int pin, int duty) implements Command {
        public PwmWrite {
            u8("seq", seq);
            u8("req_id", reqId);
            u8("pin", pin);
            u8("duty", duty);
        }

        @Override
        public int type() {
            return FrameTypes.PWM_WRITE;
        }
    }

    /**
     * SERVO (0x8E, the servo module): {@code op} {@link #DETACH} (0, ticks ignored) or {@link #PULSE}
     * (1): a 50-Hz pulse of {@code ticks} Timer1 ticks (8 CPU cycles: 0.5 us at 16 MHz); answered by ACK.
     */
    record Servo(int seq, int reqId, int pin, int op, int ticks) implements Command {
        public static final int DETACH = 0;
        public static final int PULSE = 1;

        public Servo {
            u8("seq", seq);
            u8("req_id", reqId);
            u8("pin", pin);
            u8("op", op);
            u16("ticks", ticks);
        }

        @Override
        public int type() {
            return FrameTypes.SERVO;
        }
    }

    /** ANALOG_READ (0x86): starts a conversion on an ADC channel; answered later by ANALOG. */
    record AnalogRead(int seq, int reqId, int channel) implements Command {
        public AnalogRead {
            u8("seq", seq);
            u8("req_id", reqId);
            u8("channel", channel);
        }

        @Override
        public int type() {
            return FrameTypes.ANALOG_READ;
        }
    }

    /** READ_PIN (0x8B): the pin's level now; answered by LEVEL. */
    record ReadPin(int seq, int reqId, int pin) implements Command {
        public ReadPin {
            u8("seq", seq);
            u8("req_id", reqId);
            u8("pin", pin);
        }

        @Override
        public int type() {
            return FrameTypes.READ_PIN;
        }
    }

    /**
     * STREAM (0x8C, module stream): sample the ADC channels of {@code channelMask} round-robin, one
     * conversion every {@code intervalTicks} board ticks (40..65535); mask 0 stops. Answered by ACK.
     */
    record Stream(int seq, int reqId, int channelMask, int intervalTicks) implements Command {
        public Stream {
            u8("seq", seq);
            u8("req_id", reqId);
            u16("channel_mask", channelMask);
            u16("interval", intervalTicks);
        }

        @Override
        public int type() {
            return FrameTypes.STREAM;
        }
    }

    /** PING (0x87): 0..8 opaque bytes that the PONG echoes. */
    record Ping(int seq, int reqId, byte[] data) implements Command {
        /** Most bytes a PING may carry; a longer one is NAKed {@code bad_length}. */
        public static final int MAX_DATA = 8;

        public Ping {
            u8("seq", seq);
            u8("req_id", reqId);
            data = Fields.bytes("ping data", data, MAX_DATA);
        }

        /** A copy of the bytes (the record stays immutable). */
        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public int type() {
            return FrameTypes.PING;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Ping p && p.seq == seq && p.reqId == reqId && Arrays.equals(p.data, data);
        }

        @Override
        public int hashCode() {
            return (seq * 31 + reqId) * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Ping[seq=" + seq + ", reqId=" + reqId + ", data=" + Fields.hex(data) + "]";
        }
    }

    /**
     * I2C (0x8F, module i2c): one transaction on the board's I2C bus: {@code write} bytes to the
     * 7-bit {@code addr}, then (after a repeated start) read {@code nread} bytes; either may be empty.
     * Answered by {@link Answer.I2cResult} when the bus has done it. {@code addr} {@link #CONFIGURE}
     * with {@code nread} 0 or 1 sets 100 or 400 kHz instead.
     */
    record I2c(int seq, int reqId, int addr, int nread, byte[] write) implements Command {
        /** The address byte that makes the command a configuration (speed) instead of a transaction. */
        public static final int CONFIGURE = 0x80;
        /** Most bytes one transaction writes or reads (the firmware's I2C_MAX_DATA). */
        public static final int MAX_DATA = 32;

        public I2c {
            u8("seq", seq);
            u8("req_id", reqId);
            u8("addr", addr);
            u8("nread", nread);
            write = Fields.bytes("i2c write data", write, MAX_DATA);
        }

        /** A copy of the bytes to write. */
        @Override
        public byte[] write() {
            return write.clone();
        }

        @Override
        public int type() {
            return FrameTypes.I2C_REQUEST;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof I2c c && c.seq == seq && c.reqId == reqId && c.addr == addr && c.nread == nread
                    && Arrays.equals(c.write, write);
        }

        @Override
        public int hashCode() {
            return ((seq * 31 + reqId) * 31 + addr * 257 + nread) * 31 + Arrays.hashCode(write);
        }

        @Override
        public String toString() {
            return "I2c[seq=" + seq + ", reqId=" + reqId + ", addr=" + addr + ", nread=" + nread + ", write="
                    + Fields.hex(write) + "]";
        }
    }

    /**
     * I2C_POLL (0x90, module i2c): the board reads {@code n} bytes from register {@code reg} of
     * {@code addr} every {@code intervalMs} ms by its own clock and sends each reading
     * ({@link Answer.I2cReading}); interval 0 stops. Answered by ACK.
     */
    record I2cPoll(int seq, int reqId, int addr, int reg, int n, int intervalMs) implements Command {
        public I2cPoll {
            u8("seq", seq);
            u8("req_id", reqId);
            u8("addr", addr);
            u8("reg", reg);
            u8("n", n);
            u16("interval_ms", intervalMs);
        }

        @Override
        public int type() {
            return FrameTypes.I2C_POLL;
        }
    }

    /** CLOCK (0x88): asks for the board's tick counter ({@link Answer.ClockReading}). */
    record Clock(int seq, int reqId) implements Command {
        public Clock {
            u8("seq", seq);
            u8("req_id", reqId);
        }

        @Override
        public int type() {
            return FrameTypes.CLOCK_REQUEST;
        }
    }

    /** STATS (0x89): asks for the board's error and drop counters ({@link Answer.StatsReport}). */
    record Stats(int seq, int reqId) implements Command {
        public Stats {
            u8("seq", seq);
            u8("req_id", reqId);
        }

        @Override
        public int type() {
            return FrameTypes.STATS_REQUEST;
        }
    }

    /** RESET_CAUSE (0x8A): asks for MCUSR as it was at reset ({@link Answer.ResetCauseReport}). */
    /**
     * MSG (0x8D): a message for the board's app tasks on {@code topic} (0..255), at most
     * {@link #MAX_DATA} bytes; ACKed once queued on the board, NAKed {@code busy} when its queue is
     * full, {@code unknown_command} by a firmware without an app (avr-firmware/README.md).
     */
    record Msg(int seq, int reqId, int topic, byte[] data) implements Command {
        /** Most bytes the wire allows (payload 60 minus req_id and topic); a board's own limit is smaller (8 by default). */
        public static final int MAX_DATA = 58;

        public Msg {
            u8("seq", seq);
            u8("req_id", reqId);
            u8("topic", topic);
            data = Fields.bytes("msg data", data, MAX_DATA);
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public int type() {
            return FrameTypes.MSG_REQUEST;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Msg m && m.seq == seq && m.reqId == reqId && m.topic == topic && Arrays.equals(m.data, data);
        }

        @Override
        public int hashCode() {
            return ((seq * 31 + reqId) * 31 + topic) * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Msg[seq=" + seq + ", reqId=" + reqId + ", topic=" + topic + ", data=" + Fields.hex(data) + "]";
        }
    }

    record ResetCause(int seq, int reqId) implements Command {
        public ResetCause {
            u8("seq", seq);
            u8("req_id", reqId);
        }

        @Override
        public int type() {
            return FrameTypes.RESET_CAUSE_REQUEST;
        }
    }
}
