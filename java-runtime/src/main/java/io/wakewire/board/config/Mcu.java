package io.wakewire.board.config;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * What the host knows about each MCU the firmware supports: signature, Arduino pin numbers, which
 * pins each interrupt vector serves (PROTOCOL.md section 4) and which pins are ADC inputs. A board
 * config is checked against it, so a config cannot disagree with the firmware without an error at
 * load time.
 */
public final class Mcu {

    /** ATmega328P: Uno, Nano. D0..D13 = 0..13, A0..A5 = 14..19. */
    public static final Mcu ATMEGA328P = new Mcu("atmega328p", 0x1E950F, 20, 14, 6, Map.of(
            Interrupt.INT0, Set.of(2),
            Interrupt.INT1, Set.of(3),
            Interrupt.PCINT0, range(8, 13),
            Interrupt.PCINT1, range(14, 19),
            Interrupt.PCINT2, range(4, 7)));

    /** ATmega2560: Mega. D0..D53 = 0..53, A0..A15 = 54..69. */
    public static final Mcu ATMEGA2560 = new Mcu("atmega2560", 0x1E9801, 70, 54, 16, Map.of(
            Interrupt.INT0, Set.of(21),
            Interrupt.INT1, Set.of(20),
            Interrupt.INT2, Set.of(19),
            Interrupt.INT3, Set.of(18),
            Interrupt.INT4, Set.of(2),
            Interrupt.INT5, Set.of(3),
            Interrupt.PCINT0, union(range(10, 13), range(50, 53)),
            Interrupt.PCINT1, Set.of(14, 15),
            Interrupt.PCINT2, range(62, 69)));

    private static final List<Mcu> KNOWN = List.of(ATMEGA328P, ATMEGA2560);

    private final String name;
    private final int signature;
    private final int pinCount;
    private final int firstAnalogPin;
    private final int analogPins;
    private final Map<Interrupt, Set<Integer>> interruptPins;

    private Mcu(String name, int signature, int pinCount, int firstAnalogPin, int analogPins,
                Map<Interrupt, Set<Integer>> interruptPins) {
        this.name = name;
        this.signature = signature;
        this.pinCount = pinCount;
        this.firstAnalogPin = firstAnalogPin;
        this.analogPins = analogPins;
        this.interruptPins = new EnumMap<>(interruptPins);
    }

    /** The MCU for avr-gcc's {@code -mmcu} name, or null. */
    public static Mcu byName(String name) {
        for (Mcu m : KNOWN) {
            if (m.name.equals(name)) {
                return m;
            }
        }
        return null;
    }

    /** Every MCU's name, for error messages. */
    public static List<String> knownNames() {
        return KNOWN.stream().map(Mcu::name).toList();
    }

    /** avr-gcc's {@code -mmcu} name. */
    public String name() {
        return name;
    }

    /** The three signature bytes as one number (0x1E950F). */
    public int signature() {
        return signature;
    }

    /** How many Arduino pin numbers there are (HELLO's n_pins): valid numbers are 0..pinCount-1. */
    public int pinCount() {
        return pinCount;
    }

    /** The ADC channel of an Arduino pin number, or -1 when the pin is not an analog input. */
    public int analogChannelOf(int pin) {
        int ch = pin - firstAnalogPin;
        return ch >= 0 && ch < analogPins ? ch : -1;
    }

    /** The interrupts this MCU has. */
    public Set<Interrupt> interrupts() {
        return interruptPins.keySet();
    }

    /** True when {@code interrupt} serves {@code pin} on this MCU (PROTOCOL.md section 4). */
    public boolean serves(Interrupt interrupt, int pin) {
        Set<Integer> pins = interruptPins.get(interrupt);
        return pins != null && pins.contains(pin);
    }

    /** The interrupt that serves {@code pin}'s edges, or null (INTn before PCINT, as the firmware arms them). */
    public Interrupt interruptFor(int pin) {
        for (Map.Entry<Interrupt, Set<Integer>> e : interruptPins.entrySet()) {
            if (e.getValue().contains(pin)) {
                return e.getKey();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return name;
    }

    private static Set<Integer> range(int from, int to) {
        return Set.copyOf(IntStream.rangeClosed(from, to).boxed().toList());
    }

    private static Set<Integer> union(Set<Integer> a, Set<Integer> b) {
        Set<Integer> u = new TreeSet<>(a);
        u.addAll(b);
        return Set.copyOf(u);
    }
}
