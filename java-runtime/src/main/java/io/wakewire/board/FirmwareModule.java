package io.wakewire.board;

import io.wakewire.wire.Answer;

import java.util.Locale;

/**
 * A firmware module: a feature outside the firmware's core, built in or left out when the firmware
 * is built ({@code make firmware MODULES="analog"}; avr-firmware/README.md). The board's HELLO
 * announces the modules it has in its capability bits, and the host refuses a call that needs one
 * the board lacks before sending anything ({@link ModuleMissingException}).
 */
public enum FirmwareModule {

    /** ANALOG_READ: {@link Pin#analogRead()}. */
    ANALOG("analog", Answer.HelloInfo.CAP_ANALOG_READ),

    /** PWM_WRITE: {@link Pin#pwm(double)}. */
    PWM("pwm", Answer.HelloInfo.CAP_PWM),

    /** STREAM: {@link Pin#samples(int)}, board-timed sampling (needs analog, built with it). */
    STREAM("stream", Answer.HelloInfo.CAP_STREAM),
    /** SERVO: {@link Board#servo(String)}. */
    SERVO("servo", Answer.HelloInfo.CAP_SERVO),
    /** I2C and I2C_POLL: {@link Board#i2c(int)}. */
    I2C("i2c", Answer.HelloInfo.CAP_I2C);

    private final String makeName;
    private final int capability;

    FirmwareModule(String makeName, int capability) {
        this.makeName = makeName;
        this.capability = capability;
    }

    /** Its name in {@code MODULES=} and in avr-firmware/modules/. */
    public String makeName() {
        return makeName;
    }

    /** The HELLO capability bit that announces it. */
    public int capability() {
        return capability;
    }

    /** True when {@code hello} announces this module. */
    public boolean presentIn(BoardInfo hello) {
        return hello.has(capability);
    }

    /**
     * Throws {@link ModuleMissingException} when the session's board announced no such module in its
     * latest HELLO (one line: the call, the module, how to add it). Before the first handshake there
     * is nothing to go by, and the call goes ahead (the firmware NAKs it unknown_command).
     */
    void require(BoardSession session, String call) {
        Answer.HelloInfo h = session.hello();
        if (h != null && !h.has(capability)) {
            throw new ModuleMissingException(session.label(), this, call + " needs the firmware module '" + makeName
                    + "', which this board's firmware was built without (its HELLO does not announce it); "
                    + howToAdd(session.spec.name()));
        }
    }

    /** How to get a firmware with this module onto {@code board} (a board-config name). */
    String howToAdd(String board) {
        return String.format(Locale.ROOT, "add it: `wakewire flash --board %s --port PORT` builds and flashes every module"
                + " (or choose with --modules %s,...), `make firmware BOARD=%s MODULES=\"%s ...\"` builds it", board, makeName,
                board, makeName);
    }
}
