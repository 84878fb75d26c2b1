package io.wakewire.pi;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * board-configs/pi4.conf and pi5.conf agree with what PiGpio accepts: BCM numbering, each pin
 * named GPIO&lt;n&gt; after its number, the HAT EEPROM pins left out, and the list usable as
 * {@link PiGpio#restrictTo}. (The format itself is checked by the board config reader.)
 */
class PiBoardConfigsTest {

    private static final Pattern PIN = Pattern.compile("pin\\.(\\w+)\\s*=\\s*(\\d+)((?:\\s+\\w+)*)\\s*(#.*)?");

    @ParameterizedTest
    @ValueSource(strings = {"pi4", "pi5"})
    void piConfigsListTheFreeHeaderGpio(String board) throws IOException {
        Path file = boardConfigs().resolve(board + ".conf");
        Map<String, String> keys = new LinkedHashMap<>();
        TreeSet<Integer> pins = new TreeSet<>();
        for (String raw : Files.readAllLines(file)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = PIN.matcher(line);
            if (m.matches()) {
                int bcm = Integer.parseInt(m.group(2));
                assertEquals("GPIO" + bcm, m.group(1), file + ": " + line);
                assertTrue(m.group(3).contains("edge") && m.group(3).contains("in"), file + ": " + line);
                assertTrue(pins.add(bcm), file + ": pin " + bcm + " twice");
            } else {
                String[] kv = line.split("=", 2);
                assertEquals(2, kv.length, file + ": not key = value: " + line);
                assertNull(keys.put(kv[0].strip(), kv[1].strip()), file + ": key twice: " + kv[0]);
            }
        }
        assertEquals(board, keys.get("board"));
        assertEquals("pi", keys.get("kind"));
        assertEquals("bcm", keys.get("numbering"));
        assertNotNull(keys.get("model"));
        assertEquals(2, pins.first(), "GPIO0/1 are the HAT EEPROM's");
        assertEquals(PiGpio.LAST_PIN, pins.last());
        assertEquals(26, pins.size(), "GPIO2..27 on the header");

        try (PiGpio gpio = MockPi.gpio().restrictTo(pins, "board-configs/" + board + ".conf")) {
            assertEquals(17, gpio.input(17).bcm());
            var e = assertThrows(IllegalArgumentException.class, () -> gpio.output(1));
            assertTrue(e.getMessage().startsWith("GPIO1 is not a free GPIO pin in board-configs/" + board + ".conf"),
                    e.getMessage());
        }
    }

    private static Path boardConfigs() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("board-configs"))) {
                return dir.resolve("board-configs");
            }
        }
        throw new AssertionError("board-configs/ not found above " + Path.of("").toAbsolutePath());
    }
}
