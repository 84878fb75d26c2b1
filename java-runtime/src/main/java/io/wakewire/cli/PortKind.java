package io.wakewire.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Whether a path given as {@code --port} can be a serial port at all, checked before anything
 * opens it, so that the user reads "not a serial port" rather than a raw errno ("errno 21" for a
 * directory) or a misleading "busy" (every shell holds /dev/null open).
 *
 * <p>A serial port is a character device of a tty driver. On Linux {@code /proc/tty/drivers}
 * lists every tty driver's major number and minor range, and the device's number comes from
 * {@code stat}'s st_rdev ({@code unix:rdev}). Trade-off: where either cannot be read (not Linux,
 * no /proc), a character device is given the benefit of the doubt and the open itself decides.
 */
final class PortKind {

    private static final Path TTY_DRIVERS = Path.of("/proc/tty/drivers");

    private PortKind() {
    }

    /** Fails with {@link ExitCode#PORT} and a one-line reason naming {@code port} unless it may be a serial port. */
    static void requireSerialPort(String port) {
        String why = whyNotSerial(Path.of(port), TTY_DRIVERS);
        if (why != null) {
            throw new CliException(ExitCode.PORT, "port " + port + " is not a serial port: " + why
                    + "; `wakewire ports` lists the serial ports");
        }
    }

    /** Null when {@code p} may be a serial port, else why not (p exists). */
    static String whyNotSerial(Path p, Path ttyDrivers) {
        if (Files.isDirectory(p)) {
            return "it is a directory";
        }
        if (Files.isRegularFile(p)) {
            return "it is a regular file";
        }
        long rdev;
        try {
            if (!isCharDevice(p)) {
                return "it is not a character device";
            }
            rdev = ((Number) Files.getAttribute(p, "unix:rdev")).longValue();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return null; // cannot tell here: the open decides
        }
        List<String> drivers;
        try {
            drivers = Files.readAllLines(ttyDrivers);
        } catch (IOException e) {
            return null;
        }
        long major = ((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL);
        long minor = (rdev & 0xff) | ((rdev >>> 12) & ~0xffL);
        for (String line : drivers) {
            if (ttyDriverCovers(line, major, minor)) {
                return null;
            }
        }
        return "device " + major + ":" + minor + " is not a terminal (no tty driver has it)";
    }

    /** st_mode's file type (the "unix" attribute view follows links, as opening the port does). */
    private static boolean isCharDevice(Path p) throws IOException {
        int mode = (Integer) Files.getAttribute(p, "unix:mode");
        return (mode & 0170000) == 0020000; // S_IFCHR
    }

    /** One line of /proc/tty/drivers: "name  /dev/path  major  minor[-minor]  type". */
    static boolean ttyDriverCovers(String line, long major, long minor) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 4) {
            return false;
        }
        try {
            if (Long.parseLong(f[2]) != major) {
                return false;
            }
            String[] range = f[3].split("-");
            long lo = Long.parseLong(range[0]);
            long hi = range.length > 1 ? Long.parseLong(range[1]) : lo;
            return minor >= lo && minor <= hi;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
