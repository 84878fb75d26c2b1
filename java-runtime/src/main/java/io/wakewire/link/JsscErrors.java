package io.wakewire.link;

import jssc.SerialPortException;

/** Turns jssc's exceptions into messages and {@link PortOpenException}s that name the port. */
final class JsscErrors {

    private JsscErrors() {
    }

    /** The failure of {@code openPort()}, by jssc's exception type. */
    static PortOpenException openFailed(String port, SerialPortException e) {
        String type = e.getExceptionType() == null ? "" : e.getExceptionType();
        return switch (type) {
            case SerialPortException.TYPE_PORT_BUSY, SerialPortException.TYPE_PORT_ALREADY_OPENED ->
                    PortOpenException.busy(port, e);
            case SerialPortException.TYPE_PORT_NOT_FOUND -> PortOpenException.notFound(port, e);
            case SerialPortException.TYPE_PERMISSION_DENIED -> PortOpenException.permissionDenied(port, e);
            case SerialPortException.TYPE_INCORRECT_SERIAL_PORT -> PortOpenException.notASerialPort(port, e);
            default -> new PortOpenException(port, PortOpenException.Problem.OPEN_FAILED,
                    "could not open " + port + ": " + describe(e), e);
        };
    }

    /** jssc's own words for what went wrong, without its "Port name - ...; Method name - ..." framing. */
    static String describe(Throwable e) {
        if (e instanceof SerialPortException spe && spe.getExceptionType() != null) {
            return spe.getExceptionType();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
