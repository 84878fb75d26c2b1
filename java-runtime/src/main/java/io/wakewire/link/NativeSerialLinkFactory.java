package io.wakewire.link;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens serial ports through the native reactor: {@code O_NOCTTY|O_NONBLOCK}, exclusive
 * ({@code TIOCEXCL}: a second opener gets EBUSY, except root), raw 8N1 with the baud given as a
 * number (termios2 with {@code BOTHER}, so 250000, 500000 and 1000000 reach the driver unrounded),
 * HUPCL as the settings say (cleared, a later open does not reset an Arduino), and DTR/RTS held at
 * the asked level. Note that the first open after HUPCL was set raises DTR in the kernel before any
 * setting can apply; only clearing HUPCL on an earlier close avoids that reset.
 *
 * <p>The ports live in the reactor given to the constructor: pass the one your executor parks in,
 * so that the executor's thread reads them; or use {@link #shared()}, whose reactor has a thread of
 * its own.
 */
public final class NativeSerialLinkFactory implements SerialLinkFactory {

    private static final System.Logger LOG = System.getLogger(NativeSerialLinkFactory.class.getName());
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    private final NativeReactor reactor;
    private final int receiveCapacity;

    public NativeSerialLinkFactory(NativeReactor reactor) {
        this(reactor, ReceiveBuffer.DEFAULT_CAPACITY);
    }

    public NativeSerialLinkFactory(NativeReactor reactor, int receiveCapacity) {
        this.reactor = Objects.requireNonNull(reactor, "reactor");
        if (receiveCapacity <= 0) {
            throw new IllegalArgumentException("receive capacity must be positive, got " + receiveCapacity);
        }
        this.receiveCapacity = receiveCapacity;
    }

    private static final class Shared {
        static final NativeReactor REACTOR = new NativeReactor().startThread("wakewire-native-reactor");
    }

    /** A factory on one process-wide reactor running on its own daemon thread. */
    public static NativeSerialLinkFactory shared() {
        if (!NativeLibrary.available()) { // before the holder, whose failure would be an ExceptionInInitializerError
            throw new IllegalStateException("the native reactor is not available: " + NativeLibrary.unavailableReason());
        }
        return new NativeSerialLinkFactory(Shared.REACTOR);
    }

    @Override
    public NativeSerialLink open(PortSettings s) throws PortOpenException {
        String name = s.portName();
        int[] err = new int[2];
        int fd = NativeCalls.openTty(name, s.baud(), s.dtr(), s.hupcl(), err);
        if (fd < 0) {
            throw openFailure(s, err[1], err[0]);
        }
        if (s.resetOnOpen()) {
            try {
                pulseReset(fd, s);
            } catch (InterruptedException e) {
                NativeCalls.close(fd);
                Thread.currentThread().interrupt();
                throw new PortOpenException(name, PortOpenException.Problem.CONFIGURATION_FAILED,
                        "interrupted while resetting the board on " + name, e);
            }
        }
        NativeSerialLink link = new NativeSerialLink(name, reactor, fd, receiveCapacity);
        try {
            link.start();
        } catch (IllegalStateException e) {
            link.close();
            throw new PortOpenException(name, PortOpenException.Problem.OPEN_FAILED,
                    "could not add " + name + " to the reactor: " + e.getMessage(), e);
        }
        return link;
    }

    private static void pulseReset(int fd, PortSettings s) throws InterruptedException {
        int rc = NativeCalls.setDtr(fd, false);
        Thread.sleep(JsscSerialLinkFactory.RESET_PULSE_MILLIS);
        rc = Math.min(rc, NativeCalls.setDtr(fd, true)); // inactive -> active: the auto-reset edge
        if (!s.dtr()) {
            rc = Math.min(rc, NativeCalls.setDtr(fd, false));
        }
        if (rc < 0 && REPORTED.add("dtr:" + s.portName())) {
            LOG.log(System.Logger.Level.INFO, "could not pulse DTR on " + s.portName() + " (" + Errno.name(-rc)
                    + ": no modem lines, e.g. a pseudo-terminal); the board was not reset");
        }
    }

    static PortOpenException openFailure(PortSettings s, int stage, int errno) {
        String name = s.portName();
        String why = Errno.name(errno);
        return switch (stage) {
            case NativeCalls.STAGE_OPEN -> switch (errno) {
                case Errno.ENOENT, Errno.ENXIO, Errno.ENODEV -> PortOpenException.notFound(name, null);
                case Errno.EACCES, Errno.EPERM -> PortOpenException.permissionDenied(name, null);
                case Errno.EBUSY -> PortOpenException.busy(name, null);
                case Errno.EISDIR -> PortOpenException.notASerialPort(name, "it is a directory", null);
                default -> new PortOpenException(name, PortOpenException.Problem.OPEN_FAILED,
                        "could not open " + name + ": " + why, null);
            };
            case NativeCalls.STAGE_EXCL, NativeCalls.STAGE_TERMIOS -> errno == Errno.ENOTTY || errno == Errno.EINVAL
                    ? PortOpenException.notASerialPort(name, null)
                    : new PortOpenException(name, PortOpenException.Problem.CONFIGURATION_FAILED,
                            "could not configure " + name + ": " + why, null);
            case NativeCalls.STAGE_BAUD -> new PortOpenException(name, PortOpenException.Problem.CONFIGURATION_FAILED,
                    "the driver of " + name + " refused " + s.baud() + " baud, 8N1 raw (" + why
                            + "); check the baud in the board file", null);
            default -> new PortOpenException(name, PortOpenException.Problem.OPEN_FAILED,
                    "could not open " + name + ": " + why + " (stage " + stage + ")", null);
        };
    }
}
