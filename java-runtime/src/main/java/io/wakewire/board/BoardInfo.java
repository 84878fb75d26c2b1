package io.wakewire.board;

import io.wakewire.wire.Answer;

/**
 * What the board said about itself in its latest HELLO (PROTOCOL.md, HELLO): {@link Board#info()}.
 *
 * @param protocolVersion the wire protocol version
 * @param firmwareMajor   firmware version, major
 * @param firmwareMinor   firmware version, minor
 * @param signature       the MCU's 3-byte device signature (0x1e950f for an ATmega328P)
 * @param cpuHz           the MCU clock
 * @param tickNanos       the length of one board tick (edge timestamps count these)
 * @param capabilities    HELLO capability bits: {@link #EDGE_EVENTS} and the others below, and the
 *                        modules' bits (see {@link FirmwareModule#capability()})
 * @param resetCause      MCUSR at boot (bit 0 power-on, 1 external reset, 2 brown-out, 3 watchdog, 4 JTAG)
 * @param baud            the serial speed the firmware was built for
 * @param pins            how many pins the firmware knows
 */
public record BoardInfo(int protocolVersion, int firmwareMajor, int firmwareMinor, int signature, long cpuHz,
                        int tickNanos, int capabilities, int resetCause, long baud, int pins) {

    public static final int EDGE_EVENTS = Answer.HelloInfo.CAP_EDGE_EVENTS;
    public static final int DEBOUNCE = Answer.HelloInfo.CAP_DEBOUNCE;
    public static final int PWM = Answer.HelloInfo.CAP_PWM;
    public static final int ANALOG_READ = Answer.HelloInfo.CAP_ANALOG_READ;
    public static final int PIN_CHANGE = Answer.HelloInfo.CAP_PIN_CHANGE;
    public static final int LOST_MARKERS = Answer.HelloInfo.CAP_LOST_MARKERS;

    static BoardInfo of(Answer.HelloInfo h) {
        return new BoardInfo(h.protoVersion(), h.fwMajor(), h.fwMinor(), h.signature(), h.fCpu(), h.tickNs(),
                h.capabilities(), h.resetCause(), h.baud(), h.nPins());
    }

    /** True when the board announces every bit of {@code capability} (one of the constants above). */
    public boolean has(int capability) {
        return (capabilities & capability) == capability;
    }
}
