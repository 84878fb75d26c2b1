package io.wakewire.link;

import java.io.IOException;

/**
 * A serial port could not be opened or configured. The message names the port and, where there
 * is one, the fix ("add yourself to the dialout group"); {@link #problem()} lets a caller branch
 * without parsing the message (the CLI prints the message, a reconnect loop retries on BUSY and
 * NOT_FOUND but gives up on PERMISSION_DENIED).
 */
public final class PortOpenException extends IOException {

    private static final long serialVersionUID = 1L;

    /** What kind of failure; each kind has its own message. */
    public enum Problem {
        BUSY, NOT_FOUND, PERMISSION_DENIED, NOT_A_SERIAL_PORT, NATIVE_LIBRARY_MISSING, CONFIGURATION_FAILED, OPEN_FAILED
    }

    private final String portName;
    private final Problem problem;

    public PortOpenException(String portName, Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.portName = portName;
        this.problem = problem;
    }

    public String portName() {
        return portName;
    }

    public Problem problem() {
        return problem;
    }

    static PortOpenException busy(String port, Throwable cause) {
        return new PortOpenException(port, Problem.BUSY,
                "port " + port + " is busy (opened by another program: a serial monitor, avrdude, "
                        + "ModemManager or another wakewire?)", cause);
    }

    static PortOpenException notFound(String port, Throwable cause) {
        return new PortOpenException(port, Problem.NOT_FOUND,
                "port " + port + " does not exist: is the board plugged in? `wakewire ports` lists the serial ports",
                cause);
    }

    static PortOpenException permissionDenied(String port, Throwable cause) {
        return new PortOpenException(port, Problem.PERMISSION_DENIED,
                "permission denied on " + port + ": add yourself to the dialout group "
                        + "(sudo usermod -aG dialout $USER, then log out and in again)", cause);
    }

    static PortOpenException notASerialPort(String port, Throwable cause) {
        return notASerialPort(port, "the OS refused terminal settings on it", cause);
    }

    static PortOpenException notASerialPort(String port, String why, Throwable cause) {
        return new PortOpenException(port, Problem.NOT_A_SERIAL_PORT, port + " is not a serial port (" + why + ")", cause);
    }
}
