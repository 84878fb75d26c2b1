package io.wakewire.board.config;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of mistake in a .conf file, and the message that names file, line and key. */
class BoardConfigErrorsTest {

    private static final String FILE = "board-configs/uno.conf";
    /** A small valid Uno config; line numbers matter to the messages below. */
    private static final String UNO = """
            board = uno
            kind = avr
            mcu = atmega328p
            signature = 1e950f
            f_cpu = 16000000
            baud = 1000000
            programmer = arduino
            upload_baud = 115200
            avrdude_part = m328p
            pin.D2 = 2 in out edge int0
            pin.D3 = 3 in out pwm edge int1
            pin.A0 = 14 in out edge analog0 pcint1
            """;

    @Test
    void theBaseTextIsValid() {
        BoardConfig c = BoardConfig.parse(FILE, UNO);
        assertEquals(3, c.pins().size());
        assertEquals("", c.description());
    }

    @Test
    void aBaudTheClockCannotMake() {
        assertProblem("board-configs/uno.conf:6: key 'baud': 230400 baud is 3.5% off at 16 MHz (the AVR can make 250000 exactly)",
                replace("baud = 1000000", "baud = 230400"));
        assertProblem("board-configs/uno.conf:8: key 'upload_baud': 1500000 baud is 33.3% off at 16 MHz (the AVR can make 1000000 exactly)",
                replace("upload_baud = 115200", "upload_baud = 1500000"));
        assertProblem("board-configs/uno.conf:6: key 'baud': 'fast' is not a positive whole number of baud",
                replace("baud = 1000000", "baud = fast"));
    }

    @Test
    void unknownDuplicateAndMissingKeys() {
        assertProblem("board-configs/uno.conf:13: key 'colour': unknown key (known: avrdude_part, baud, board, "
                + "description, f_cpu, kind, mcu, model, numbering, programmer, signature, upload_baud, pin.<name>)",
                UNO + "colour = red\n");
        assertProblem("board-configs/uno.conf:13: key 'baud': appears again (first on line 6); a key appears once",
                UNO + "baud = 500000\n");
        assertProblem("board-configs/uno.conf: key 'avrdude_part': missing; an avr board needs it",
                replace("avrdude_part = m328p\n", ""));
        assertProblem("board-configs/uno.conf:13: key 'numbering': does not apply to an avr board",
                UNO + "numbering = bcm\n");
        assertProblem("board-configs/uno.conf:13: 'pin.D4 4 in' is not 'key = value'", UNO + "pin.D4 4 in\n");
    }

    @Test
    void badIdentity() {
        assertProblem("board-configs/uno.conf:4: key 'signature': 1e9801 is not the atmega328p's signature (1e950f)",
                replace("signature = 1e950f", "signature = 1e9801"));
        assertProblem("board-configs/uno.conf:4: key 'signature': '1e95' is not three signature bytes as six hex digits (like 1e950f)",
                replace("signature = 1e950f", "signature = 1e95"));
        assertProblem("board-configs/uno.conf:3: key 'mcu': unknown MCU 'atmega8' (known: atmega328p, atmega2560)",
                replace("mcu = atmega328p", "mcu = atmega8"));
        assertProblem("board-configs/uno.conf:1: key 'board': 'nano' differs from the file name uno.conf (they must match)",
                replace("board = uno", "board = nano"));
        assertProblem("board-configs/uno.conf:2: key 'kind': 'arm' is not a kind (avr or pi)",
                replace("kind = avr", "kind = arm"));
        assertProblem("board-configs/uno.conf:5: key 'f_cpu': 16000000000 Hz is beyond any AVR (at most 50000000)",
                replace("f_cpu = 16000000", "f_cpu = 16000000000"));
    }

    @Test
    void badPinLines() {
        assertProblem("board-configs/uno.conf:13: key 'pin.D4': unknown capability 'input' (known: in, out, pwm, edge, "
                + "int0..int5, pcint0..pcint2, analog<N>)", UNO + "pin.D4 = 4 input\n");
        assertProblem("board-configs/uno.conf:13: key 'pin.X2': pin number 2 is already pin.D2 (line 10)",
                UNO + "pin.X2 = 2 in\n");
        assertProblem("board-configs/uno.conf:13: key 'pin.d2': pin name 'd2' is already used on line 10 "
                + "(names are looked up ignoring case)", UNO + "pin.d2 = 4 in\n");
        assertProblem("board-configs/uno.conf:13: key 'pin.D20': pin number 20 is out of range (0..19 on the atmega328p)",
                UNO + "pin.D20 = 20 in\n");
        assertProblem("board-configs/uno.conf:13: key 'pin.D4': 'four' is not a pin number; the line is "
                + "'<pin number> <capability> ...'", UNO + "pin.D4 = four in\n");
        assertProblem("board-configs/uno.conf:13: key 'pin.D1': pin 1 is D1, the serial link; the firmware refuses it",
                UNO + "pin.D1 = 1 in\n");
        assertProblem("board-configs/uno.conf:13: key 'pin.D4': int0 does not serve pin 4 on the atmega328p (pcint2 does)",
                UNO + "pin.D4 = 4 in edge int0\n");
        assertProblem("board-configs/uno.conf:13: key 'pin.D4': has two interrupts, int0 and pcint2; a pin has one",
                UNO + "pin.D4 = 4 in edge int0 pcint2\n");
        assertProblem("board-configs/uno.conf:13: key 'pin.D4': 'edge' needs the interrupt that serves it (int<N> or pcint<N>)",
                UNO + "pin.D4 = 4 in edge\n");
        assertProblem("board-configs/uno.conf:13: key 'pin.D4': pcint2 without 'edge': list 'edge' too, or drop the interrupt",
                UNO + "pin.D4 = 4 in pcint2\n");
        assertProblem("board-configs/uno.conf:13: key 'pin.A1': analog3 is not pin 15's ADC channel on the atmega328p (it is analog1)",
                UNO + "pin.A1 = 15 in analog3\n");
        assertProblem("board-configs/uno.conf:13: key 'pin.D4': analog0 is not pin 4's ADC channel on the atmega328p "
                + "(the pin is not an ADC input)", UNO + "pin.D4 = 4 in analog0\n");
        assertProblem("board-configs/uno.conf:13: key 'pin.D4': capability 'in' is listed twice", UNO + "pin.D4 = 4 in in\n");
        assertProblem("board-configs/uno.conf:13: key 'pin.4x': '4x' is not a pin name (a letter, then letters, digits, '_')",
                UNO + "pin.4x = 4 in\n");
        assertProblem("board-configs/uno.conf:13: key 'pin.D4': needs '<pin number> <capability> ...'", UNO + "pin.D4 =\n");
    }

    @Test
    void everyProblemIsReportedAtOnceInLineOrder() {
        String text = replace("signature = 1e950f", "signature = 1e9801").replace("baud = 1000000", "baud = 230400")
                .replace("avrdude_part = m328p\n", "") + "pin.D4 = 4 zap\n";
        BoardConfigException e = assertThrows(BoardConfigException.class, () -> BoardConfig.parse(FILE, text));
        assertEquals(4, e.problems().size(), e.getMessage());
        assertEquals(4, e.problems().get(0).line());
        assertEquals(6, e.problems().get(1).line());
        assertEquals(12, e.problems().get(2).line());
        assertEquals("avrdude_part", e.problems().get(3).key());
        assertEquals(4, e.getMessage().split("\n").length);
    }

    @Test
    void piBoards() {
        String pi = """
                board = pi9
                kind = pi
                numbering = bcm
                model = a Pi
                pin.GPIO17 = 17 in out edge
                """;
        BoardConfig c = BoardConfig.parse("board-configs/pi9.conf", pi);
        assertEquals(BoardKind.PI, c.kind());
        assertEquals("a Pi", c.model());
        assertEquals(17, c.pin("gpio17").number());
        assertTrue(c.pin("17").dropSource().isEmpty());
        IllegalStateException noMcu = assertThrows(IllegalStateException.class, c::mcu);
        assertEquals("board pi9 is a pi board: it has no mcu", noMcu.getMessage());

        assertProblem("board-configs/pi9.conf:5: key 'pin.GPIO17': capability 'int0' is for AVR boards; a pi pin has "
                + "in, out, pwm, edge", pi.replace("edge", "edge int0"), "board-configs/pi9.conf");
        assertProblem("board-configs/pi9.conf:5: key 'pin.GPIO17': pin number 40 is out of range (0..27, BCM numbers "
                + "of the 40-pin header)", pi.replace("= 17", "= 40"), "board-configs/pi9.conf");
        assertProblem("board-configs/pi9.conf:6: key 'baud': does not apply to a pi board", pi + "baud = 9600\n",
                "board-configs/pi9.conf");
        assertProblem("board-configs/pi9.conf:3: key 'numbering': 'physical' is not a numbering wakewire knows "
                + "(bcm: Broadcom GPIO numbers)", pi.replace("= bcm", "= physical"), "board-configs/pi9.conf");
    }

    private static String replace(String from, String to) {
        assertTrue(UNO.contains(from), from);
        return UNO.replace(from, to);
    }

    private static void assertProblem(String expected, String text) {
        assertProblem(expected, text, FILE);
    }

    private static void assertProblem(String expected, String text, String file) {
        BoardConfigException e = assertThrows(BoardConfigException.class, () -> BoardConfig.parse(file, text));
        assertEquals(expected, e.getMessage());
    }
}
