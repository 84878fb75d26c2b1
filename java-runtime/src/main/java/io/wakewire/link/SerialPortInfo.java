package io.wakewire.link;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One serial port as the OS describes it. Every field but {@code device} may be empty: a
 * built-in UART has no USB ids, and off Linux only the name is known.
 *
 * @param device the node to open, e.g. {@code /dev/ttyACM0}
 * @param stableName a name that survives replugging, e.g. {@code /dev/serial/by-id/usb-Arduino...}
 * @param driver the kernel driver, e.g. {@code cdc_acm}, {@code ch341-uart}, {@code ftdi_sio}
 * @param vendorId USB vendor id, four hex digits, e.g. {@code 2341} (Arduino)
 * @param productId USB product id, four hex digits
 */
public record SerialPortInfo(String device, Optional<String> stableName, Optional<String> driver,
                             Optional<String> vendorId, Optional<String> productId,
                             Optional<String> manufacturer, Optional<String> product,
                             Optional<String> serialNumber) {

    /** One line for {@code wakewire ports}: {@code /dev/ttyACM0  2341:0043 Arduino (www.arduino.cc) Uno  cdc_acm  /dev/serial/by-id/...}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add(device);
        if (vendorId.isPresent() || productId.isPresent()) {
            parts.add(vendorId.orElse("????") + ":" + productId.orElse("????"));
        }
        String who = (manufacturer.orElse("") + " " + product.orElse("")).trim();
        if (!who.isEmpty()) {
            parts.add(who);
        }
        serialNumber.ifPresent(s -> parts.add("serial " + s));
        driver.ifPresent(parts::add);
        stableName.ifPresent(parts::add);
        return String.join("  ", parts);
    }
}
