package io.wakewire.link;

import jssc.SerialPort;
import jssc.SerialPortException;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Opens {@link JsscSerialLink}s: open the port, apply the settings, start the reader.
 *
 * <p>The jssc {@link SerialPort} is made by a function given to the constructor, so tests can hand
 * in Mockito mocks and reach every error path (busy, permission denied, a write or read that fails)
 * without hardware.
 *
 * <p>jssc's {@code setParams()} returns false on a pseudo-terminal even though the line settings
 * were applied (it sets the modem lines last, and a pty has none); the same false on a real port
 * usually means a baud the driver refused. Both cases are reported once per port, and the link
 * opens anyway: the board handshake that follows will fail clearly if the baud is wrong.
 */
public final class JsscSerialLinkFactory implements SerialLinkFactory {

    /** How long DTR stays inactive in a reset pulse; the auto-reset capacitor needs a few ms. */
    static final long RESET_PULSE_MILLIS = 50;

    private static final System.Logger LOG = System.getLogger(JsscSerialLinkFactory.class.getName());
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    private final Function<String, SerialPort> ports;
    private final int receiveCapacity;

    /** Opens real ports through jssc. */
    public JsscSerialLinkFactory() {
        this(SerialPort::new, ReceiveBuffer.DEFAULT_CAPACITY);
    }

    /** Opens the ports that {@code ports} makes for a name (a test passes mocks). */
    public JsscSerialLinkFactory(Function<String, SerialPort> ports, int receiveCapacity) {
        this.ports = Objects.requireNonNull(ports, "ports");
        if (receiveCapacity <= 0) {
            throw new IllegalArgumentException("receive capacity must be positive, got " + receiveCapacity);
        }
        this.receiveCapacity = receiveCapacity;
    }

    @Override
    public JsscSerialLink open(PortSettings settings) throws PortOpenException {
        String name = settings.portName();
        SerialPort port = newPort(name);
        try {
            if (!port.openPort()) {
                throw new PortOpenException(name, PortOpenException.Problem.OPEN_FAILED,
                        "could not open " + name + ": jssc's openPort() returned false", null);
            }
        } catch (SerialPortException e) {
            throw JsscErrors.openFailed(name, e);
        }
        try {
            configure(port, settings);
        } catch (SerialPortException | RuntimeException e) {
            closeQuietly(port);
            throw new PortOpenException(name, PortOpenException.Problem.CONFIGURATION_FAILED,
                    "could not configure " + name + " for " + settings.baud() + " baud: " + JsscErrors.describe(e), e);
        } catch (InterruptedException e) {
            closeQuietly(port);
            Thread.currentThread().interrupt();
            throw new PortOpenException(name, PortOpenException.Problem.CONFIGURATION_FAILED,
                    "interrupted while resetting the board on " + name, e);
        }
        JsscSerialLink link = new JsscSerialLink(name, port, receiveCapacity);
        link.start();
        return link;
    }

    private SerialPort newPort(String name) throws PortOpenException {
        try {
            return ports.apply(name);
        } catch (LinkageError e) { // UnsatisfiedLinkError, NoClassDefFoundError, ExceptionInInitializerError
            throw new PortOpenException(name, PortOpenException.Problem.NATIVE_LIBRARY_MISSING,
                    "cannot open " + name + ": jssc's native library does not load on this platform ("
                            + System.getProperty("os.name") + ", " + System.getProperty("os.arch") + "): " + e, e);
        }
    }

    private static void configure(SerialPort port, PortSettings s) throws SerialPortException, InterruptedException {
        String name = s.portName();
        boolean applied = port.setParams(s.baud(), SerialPort.DATABITS_8, SerialPort.STOPBITS_1,
                SerialPort.PARITY_NONE, true, s.dtr());
        if (!applied) {
            reportOnce("setParams:" + name, "jssc's setParams() returned false on " + name + " (" + s.baud()
                    + " baud, 8N1). On a pseudo-terminal that is expected and the settings apply; on a real "
                    + "port the driver may have refused the baud. Continuing.");
        }
        if (s.resetOnOpen()) {
            boolean lines = port.setDTR(false);
            Thread.sleep(RESET_PULSE_MILLIS);
            lines &= port.setDTR(true); // inactive -> active: the auto-reset edge
            if (!s.dtr()) {
                lines &= port.setDTR(false);
            }
            if (!lines) {
                reportOnce("dtr:" + name, "could not pulse DTR on " + name
                        + " (no modem lines, e.g. a pseudo-terminal); the board was not reset");
            }
        }
        if (!s.hupcl()) {
            reportOnce("hupcl", "the jssc transport cannot clear HUPCL: closing a port drops DTR, which "
                    + "resets most Arduino boards (the native transport honours hupcl=false)");
        }
    }

    private static void reportOnce(String key, String message) {
        if (REPORTED.add(key)) {
            LOG.log(System.Logger.Level.INFO, message);
        }
    }

    private static void closeQuietly(SerialPort port) {
        try {
            port.closePort();
        } catch (SerialPortException | RuntimeException e) {
            // already failing with a clearer error
        }
    }
}
