package io.wakewire.link;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SerialPorts on a fake sysfs laid out like a real one (symlinks and all). */
class SerialPortsTest {

    @TempDir
    Path root;

    private Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content + "\n");
    }

    /**
     * An Arduino Uno (cdc_acm: the ids sit one level above the tty's device), a CH340 (usb-serial:
     * two levels), a built-in UART as Linux 6.5+ shows it, a phantom 8250, a virtual console.
     */
    private SerialPorts fakeMachine() throws IOException {
        Path devices = root.resolve("sys/devices");
        Path classTty = Files.createDirectories(root.resolve("sys/class/tty"));
        Path drivers = Files.createDirectories(root.resolve("sys/bus/usb/drivers"));

        Path uno = devices.resolve("usb1/1-1");
        write(uno.resolve("idVendor"), "2341");
        write(uno.resolve("idProduct"), "0043");
        write(uno.resolve("manufacturer"), "Arduino (www.arduino.cc)");
        write(uno.resolve("serial"), "95032303437351C0E1A1");
        Path unoIf = Files.createDirectories(uno.resolve("1-1:1.0"));
        Files.createSymbolicLink(unoIf.resolve("driver"), Files.createDirectories(drivers.resolve("cdc_acm")));
        Path acm = Files.createDirectories(unoIf.resolve("tty/ttyACM0"));
        Files.createSymbolicLink(acm.resolve("device"), unoIf);
        Files.createSymbolicLink(classTty.resolve("ttyACM0"), acm);

        Path ch340 = devices.resolve("usb1/1-2");
        write(ch340.resolve("idVendor"), "1a86");
        write(ch340.resolve("idProduct"), "7523");
        write(ch340.resolve("product"), "USB2.0-Serial");
        Path chPort = Files.createDirectories(ch340.resolve("1-2:1.0/ttyUSB0"));
        Files.createSymbolicLink(chPort.resolve("driver"), Files.createDirectories(drivers.resolve("ch341-uart")));
        Path usbTty = Files.createDirectories(chPort.resolve("tty/ttyUSB0"));
        Files.createSymbolicLink(usbTty.resolve("device"), chPort);
        Files.createSymbolicLink(classTty.resolve("ttyUSB0"), usbTty);

        Path phantom = Files.createDirectories(devices.resolve("platform/serial8250/tty/ttyS3"));
        Files.createSymbolicLink(phantom.resolve("device"), phantom.getParent().getParent());
        write(phantom.resolve("type"), "0");
        Files.createSymbolicLink(classTty.resolve("ttyS3"), phantom);

        // Linux >= 6.5: ttyS0's device is a serial-base "port", below a "ctrl", below the UART itself
        Path uart = devices.resolve("pnp0/00:00");
        Files.createDirectories(uart);
        Files.createSymbolicLink(uart.resolve("driver"), Files.createDirectories(root.resolve("sys/bus/pnp/drivers/serial")));
        Path ctrl = Files.createDirectories(uart.resolve("00:00:0"));
        Path serialBase = Files.createDirectories(root.resolve("sys/bus/serial-base/drivers"));
        Files.createSymbolicLink(ctrl.resolve("driver"), Files.createDirectories(serialBase.resolve("ctrl")));
        Path portDev = Files.createDirectories(ctrl.resolve("00:00:0.0"));
        Files.createSymbolicLink(portDev.resolve("driver"), Files.createDirectories(serialBase.resolve("port")));
        Path ttyS0 = Files.createDirectories(portDev.resolve("tty/ttyS0"));
        Files.createSymbolicLink(ttyS0.resolve("device"), portDev);
        write(ttyS0.resolve("type"), "4");
        Files.createSymbolicLink(classTty.resolve("ttyS0"), ttyS0);

        Path virtual = Files.createDirectories(devices.resolve("virtual/tty/tty0")); // no device: not a port
        Files.createSymbolicLink(classTty.resolve("tty0"), virtual);

        Path dev = Files.createDirectories(root.resolve("dev"));
        Path byId = Files.createDirectories(dev.resolve("serial/by-id"));
        Files.createSymbolicLink(byId.resolve("usb-Arduino__www.arduino.cc__0043_95032303437351C0E1A1-if00"),
                Path.of("../../ttyACM0"));
        return new SerialPorts(classTty, dev);
    }

    @Test
    void listsUsbPortsWithWhatTheKernelKnowsAndLeavesOutNonPorts() throws IOException {
        List<SerialPortInfo> ports = fakeMachine().scan();
        assertEquals(3, ports.size(), ports.toString());

        SerialPortInfo uno = ports.get(0);
        assertEquals(root.resolve("dev/ttyACM0").toString(), uno.device());
        assertEquals(Optional.of("2341"), uno.vendorId());
        assertEquals(Optional.of("0043"), uno.productId());
        assertEquals(Optional.of("Arduino (www.arduino.cc)"), uno.manufacturer());
        assertEquals(Optional.of("cdc_acm"), uno.driver());
        assertEquals(Optional.of("95032303437351C0E1A1"), uno.serialNumber());
        assertTrue(uno.stableName().orElseThrow().endsWith("serial/by-id/usb-Arduino__www.arduino.cc__0043_95032303437351C0E1A1-if00"));

        SerialPortInfo ch340 = ports.get(2); // sorted by name: ttyACM0, ttyS0, ttyUSB0
        assertEquals(root.resolve("dev/ttyUSB0").toString(), ch340.device());
        assertEquals(Optional.of("1a86"), ch340.vendorId());
        assertEquals(Optional.of("USB2.0-Serial"), ch340.product());
        assertEquals(Optional.of("ch341-uart"), ch340.driver());
        assertEquals(Optional.empty(), ch340.stableName());
        assertEquals(root.resolve("dev/ttyUSB0") + "  1a86:7523  USB2.0-Serial  ch341-uart", ch340.describe());

        SerialPortInfo uart = ports.get(1);
        assertEquals(root.resolve("dev/ttyS0").toString(), uart.device());
        assertEquals(Optional.of("serial"), uart.driver(), "the UART's driver, not serial-base's port/ctrl");
        assertEquals(Optional.empty(), uart.vendorId());
    }

    @Test
    void aMachineWithoutSysfsHasNoPortsRatherThanAnError() {
        assertEquals(List.of(), new SerialPorts(root.resolve("nothing"), root.resolve("nodev")).scan());
    }
}
