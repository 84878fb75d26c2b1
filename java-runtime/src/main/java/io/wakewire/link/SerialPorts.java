package io.wakewire.link;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Lists the serial ports of this machine with what the OS says about each, for
 * {@code wakewire ports} and for choosing a board without knowing its device name.
 *
 * <p>On Linux it reads sysfs, not jssc: every {@code /sys/class/tty/X} with a {@code device}
 * link is hardware; the USB attributes ({@code idVendor}, {@code idProduct}, {@code manufacturer},
 * {@code product}, {@code serial}) sit on the first ancestor of that device that has them (one
 * level up for {@code cdc_acm}'s ttyACM, two for usb-serial's ttyUSB). Legacy 8250 UARTs that
 * the kernel registered without any hardware behind them ({@code type} 0) are left out. The
 * stable names come from the symlinks in {@code /dev/serial/by-id}. Elsewhere it asks jssc for
 * the names only.
 *
 * <p>The two roots are parameters so that a test can build a fake sysfs in a temporary directory.
 */
public final class SerialPorts {

    private final Path sysClassTty;
    private final Path dev;

    public SerialPorts(Path sysClassTty, Path dev) {
        this.sysClassTty = sysClassTty;
        this.dev = dev;
    }

    /** The ports of this machine, sorted by device name. */
    public static List<SerialPortInfo> list() {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return new SerialPorts(Path.of("/sys/class/tty"), Path.of("/dev")).scan();
        }
        List<SerialPortInfo> out = new ArrayList<>();
        for (String name : jssc.SerialPortList.getPortNames()) {
            out.add(new SerialPortInfo(name, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        }
        return out;
    }

    /** Reads the two trees given to the constructor; missing trees give an empty list. */
    public List<SerialPortInfo> scan() {
        Map<String, String> stableNames = stableNames();
        List<SerialPortInfo> out = new ArrayList<>();
        for (Path tty : children(sysClassTty)) {
            Path device = tty.resolve("device");
            if (!Files.isDirectory(device) || isPhantomUart(tty)) {
                continue;
            }
            String name = tty.getFileName().toString();
            Path usb = usbAncestor(device);
            out.add(new SerialPortInfo(dev.resolve(name).toString(),
                    Optional.ofNullable(stableNames.get(name)),
                    driverOf(device),
                    attribute(usb, "idVendor"), attribute(usb, "idProduct"),
                    attribute(usb, "manufacturer"), attribute(usb, "product"), attribute(usb, "serial")));
        }
        out.sort(Comparator.comparing(SerialPortInfo::device));
        return out;
    }

    /** ttyX to the by-id path that points at it (the first one, alphabetically, if several do). */
    private Map<String, String> stableNames() {
        Map<String, String> byDevice = new HashMap<>();
        for (Path link : children(dev.resolve("serial").resolve("by-id"))) {
            try {
                String target = Files.readSymbolicLink(link).getFileName().toString();
                byDevice.putIfAbsent(target, link.toString());
            } catch (IOException | UnsupportedOperationException e) {
                // not a symlink: not a by-id entry
            }
        }
        return byDevice;
    }

    private static boolean isPhantomUart(Path tty) {
        return attribute(tty, "type").map("0"::equals).orElse(false);
    }

    /** The nearest directory at or above the tty's device that carries USB ids; null if none. */
    private static Path usbAncestor(Path device) {
        Path p;
        try {
            p = device.toRealPath();
        } catch (IOException e) {
            return null;
        }
        for (int up = 0; p != null && up < 4; up++, p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("idVendor"))) {
                return p;
            }
        }
        return null;
    }

    private static Optional<String> attribute(Path dir, String name) {
        if (dir == null) {
            return Optional.empty();
        }
        try {
            String v = Files.readString(dir.resolve(name), StandardCharsets.UTF_8).trim();
            return v.isEmpty() ? Optional.empty() : Optional.of(v);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The driver of the hardware behind a tty. Since Linux 6.5 a UART's tty hangs below two
     * "serial-base" devices (drivers {@code port} and {@code ctrl}); those are skipped, so the
     * answer is the UART's own driver ({@code serial8250}, {@code serial}, {@code pl011}, ...).
     */
    private static Optional<String> driverOf(Path device) {
        Path p;
        try {
            p = device.toRealPath();
        } catch (IOException e) {
            return Optional.empty();
        }
        for (int up = 0; p != null && up < 4; up++, p = p.getParent()) {
            try {
                Path target = Files.readSymbolicLink(p.resolve("driver"));
                if (!target.toString().contains("/serial-base/")) {
                    return Optional.of(target.getFileName().toString());
                }
            } catch (IOException | UnsupportedOperationException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static List<Path> children(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
