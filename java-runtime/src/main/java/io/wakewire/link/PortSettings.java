package io.wakewire.link;

/**
 * How to open one serial port: its name, the baud, and what should happen to the board's reset
 * line. Values are checked here, when the settings are made, so a wrong baud in a board file is
 * reported before any port is touched.
 *
 * <p>The reset line: an Arduino-style board resets when DTR goes from inactive to active. On
 * Linux, opening a tty raises DTR (unless HUPCL was cleared on an earlier open), and closing it
 * drops DTR when HUPCL is set. So:
 * <ul>
 *   <li>{@code dtr}: the DTR (and RTS) level to hold while the port is open;</li>
 *   <li>{@code hupcl}: drop DTR when the port is closed (the OS default). Clearing it lets the next
 *       open leave the board running; a link that cannot honour it says so once;</li>
 *   <li>{@code resetOnOpen}: pulse DTR after opening so the board restarts for certain (and sends
 *       its HELLO), whatever the OS did at open.</li>
 * </ul>
 *
 * @param portName the device, e.g. {@code /dev/ttyACM0}, {@code /dev/serial/by-id/usb-...}, {@code COM3}
 * @param baud bits per second, between {@link #MIN_BAUD} and {@link #MAX_BAUD}
 */
public record PortSettings(String portName, int baud, boolean dtr, boolean hupcl, boolean resetOnOpen) {

    public static final int MIN_BAUD = 50;
    public static final int MAX_BAUD = 4_000_000;

    public PortSettings {
        if (portName == null || portName.isBlank()) {
            throw new IllegalArgumentException("serial port name is empty");
        }
        if (baud < MIN_BAUD || baud > MAX_BAUD) {
            throw new IllegalArgumentException("baud " + baud + " for port " + portName
                    + " is out of range: it must be between " + MIN_BAUD + " and " + MAX_BAUD);
        }
    }

    /** DTR held active, HUPCL as the OS has it by default (set), no extra reset pulse. */
    public static PortSettings of(String portName, int baud) {
        return new PortSettings(portName, baud, true, true, false);
    }

    public PortSettings withDtr(boolean on) {
        return new PortSettings(portName, baud, on, hupcl, resetOnOpen);
    }

    public PortSettings withHupcl(boolean on) {
        return new PortSettings(portName, baud, dtr, on, resetOnOpen);
    }

    public PortSettings withResetOnOpen(boolean on) {
        return new PortSettings(portName, baud, dtr, hupcl, on);
    }
}
