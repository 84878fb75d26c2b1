package io.wakewire.board.config;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The configs in board-configs/ load cleanly and say what PROTOCOL.md says about their pins. */
class ShippedBoardsTest {

    private final BoardConfigs configs = BoardConfigs.locate();

    @Test
    void theCheckoutIsFoundByWalkingUpFromTheWorkingDirectory() {
        assertTrue(configs.where().endsWith("board-configs"), configs.where());
        assertTrue(configs.names().containsAll(List.of("uno", "nano", "mega2560")), configs.names().toString());
    }

    @Test
    void everyShippedBoardLoadsCleanly() {
        for (String name : configs.names()) {
            BoardConfig c = configs.load(name);
            assertEquals(name, c.name());
            assertFalse(c.pins().isEmpty(), name + " has no pins");
            assertTrue(c.file().endsWith(name + ".conf"), c.file());
        }
    }

    @Test
    void uno() {
        BoardConfig uno = configs.load("uno");
        assertEquals(BoardKind.AVR, uno.kind());
        assertSame(Mcu.ATMEGA328P, uno.mcu());
        assertEquals(0x1E950F, uno.signature());
        assertEquals(16_000_000, uno.fCpu());
        assertEquals(1_000_000, uno.baud());
        assertEquals(0, uno.baudSetting().ubrr());
        assertTrue(uno.baudSetting().exact());
        assertEquals("arduino", uno.programmer());
        assertEquals(115_200, uno.uploadBaud());
        assertEquals("m328p", uno.avrdudePart());
        assertEquals(18, uno.pins().size()); // D2..D13, A0..A5

        PinInfo d2 = uno.pin("D2");
        assertEquals(2, d2.number());
        assertEquals(Interrupt.INT0, d2.interrupt().orElseThrow());
        assertEquals(OptionalInt.of(0), d2.dropSource());
        assertTrue(d2.can(Capability.EDGE));
        assertFalse(d2.can(Capability.PWM));
        assertSame(d2, uno.pin("d2"));
        assertSame(d2, uno.pin("2"));
        assertSame(d2, uno.pin(2));

        PinInfo a0 = uno.pin("A0");
        assertEquals(14, a0.number());
        assertEquals(OptionalInt.of(0), a0.analogChannel());
        assertEquals(OptionalInt.of(9), a0.dropSource()); // PCINT1
        assertEquals(OptionalInt.of(8), uno.pin("D13").dropSource()); // PCINT0
        assertEquals(OptionalInt.of(10), uno.pin("D4").dropSource()); // PCINT2
        assertTrue(uno.pin("D3").can(Capability.PWM));

        assertEquals(List.of("A0", "A1", "A2", "A3", "A4", "A5"),
                uno.pinsOfDropSource(9).stream().map(PinInfo::name).toList());
        assertEquals(List.of("D2"), uno.pinsOfDropSource(0).stream().map(PinInfo::name).toList());
        assertTrue(uno.pinsOfDropSource(12).isEmpty()); // RX: no pins
    }

    @Test
    void nanoHasNoPinForTheAnalogOnlyChannels() {
        BoardConfig nano = configs.load("nano");
        assertEquals(18, nano.pins().size());
        assertThrows(NoSuchPinException.class, () -> nano.pin("A6"));
        assertTrue(nano.findPin(20).isEmpty());
    }

    @Test
    void mega() {
        BoardConfig mega = configs.load("mega2560");
        assertSame(Mcu.ATMEGA2560, mega.mcu());
        assertEquals(0x1E9801, mega.signature());
        assertEquals("wiring", mega.programmer());
        assertEquals(OptionalInt.of(4), mega.pin("D2").dropSource()); // INT4
        assertEquals(OptionalInt.of(0), mega.pin("D21").dropSource()); // INT0
        assertEquals(OptionalInt.of(3), mega.pin("D18").dropSource()); // INT3
        assertEquals(OptionalInt.of(9), mega.pin("D14").dropSource()); // PCINT1
        PinInfo a8 = mega.pin("A8");
        assertEquals(62, a8.number());
        assertEquals(OptionalInt.of(8), a8.analogChannel());
        assertEquals(OptionalInt.of(10), a8.dropSource()); // PCINT2
        assertTrue(mega.pin("A0").dropSource().isEmpty()); // no interrupt serves A0..A7
    }

    @Test
    void aBadPinNameNamesTheBoardAndListsItsPins() {
        BoardConfig uno = configs.load("uno");
        NoSuchPinException e = assertThrows(NoSuchPinException.class, () -> uno.pin("D22"));
        assertTrue(e.getMessage().startsWith("board uno has no pin 'D22'; its pins: D2=2, D3=3,"), e.getMessage());
        assertTrue(e.getMessage().endsWith("A5=19"), e.getMessage());
        NoSuchPinException n = assertThrows(NoSuchPinException.class, () -> uno.pin(1));
        assertTrue(n.getMessage().startsWith("board uno has no pin number 1;"), n.getMessage());
    }

    @Test
    void anUnknownBoardListsTheKnownOnes() {
        BoardConfigException e = assertThrows(BoardConfigException.class, () -> configs.load("unoo"));
        assertTrue(e.getMessage().contains("no board 'unoo' (known boards: "), e.getMessage());
        assertTrue(e.getMessage().contains("mega2560, nano"), e.getMessage());
        BoardConfigException path = assertThrows(BoardConfigException.class, () -> configs.load("../uno"));
        assertTrue(path.getMessage().contains("'../uno' is not a board name"), path.getMessage());
    }

    @Test
    void loadWithAnExplicitDirectory() {
        Path dir = Path.of(configs.where());
        assertEquals("nano", BoardConfig.load(dir, "nano").name());
    }

    @Test
    void aDirectoryThatDoesNotExistIsNamed() {
        BoardConfigException e = assertThrows(BoardConfigException.class,
                () -> BoardConfig.load(Path.of("/no/such/configs"), "uno"));
        assertEquals("/no/such/configs: is not a directory (a directory of <board>.conf files)", e.getMessage());
    }

    @Test
    void theJarCarriesACopyOfTheConfigs() {
        // resources are copied into target/classes by the build, as into the jar
        BoardConfigs bundled = BoardConfigs.bundled();
        assertTrue(bundled.names().containsAll(List.of("uno", "nano", "mega2560")), bundled.names().toString());
        BoardConfig uno = bundled.load("uno");
        assertEquals("board-configs/uno.conf", uno.file());
        assertEquals(configs.load("uno").pins(), uno.pins());
    }

    @Test
    void thePropertyNamesTheDirectoryAndMustExist() {
        String before = System.getProperty(BoardConfigs.PROPERTY);
        try {
            System.setProperty(BoardConfigs.PROPERTY, configs.where());
            assertEquals(Path.of(configs.where()).toAbsolutePath().normalize(),
                    Path.of(BoardConfigs.locate().where()).toAbsolutePath().normalize());
            System.setProperty(BoardConfigs.PROPERTY, "/no/such/dir");
            BoardConfigException e = assertThrows(BoardConfigException.class, BoardConfigs::locate);
            assertEquals("-Dwakewire.boardConfigs=/no/such/dir: is not a directory", e.getMessage());
        } finally {
            if (before == null) {
                System.clearProperty(BoardConfigs.PROPERTY);
            } else {
                System.setProperty(BoardConfigs.PROPERTY, before);
            }
        }
    }
}
