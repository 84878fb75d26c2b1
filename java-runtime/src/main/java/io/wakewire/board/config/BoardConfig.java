package io.wakewire.board.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One board's configuration, loaded from {@code board-configs/<name>.conf} and checked in full at
 * load time: every key known, required keys present, the signature matching the MCU, the baud
 * within {@link UartBaud#TOLERANCE_PERCENT} of what the clock can make, every pin line agreeing
 * with the MCU's pin map and interrupt vectors (PROTOCOL.md section 4). A mistake is a
 * {@link BoardConfigException} naming file, line and key, never a surprise at run time.
 *
 * <pre>{@code
 * BoardConfig uno = BoardConfig.load("uno");                 // located: see BoardConfigs.locate()
 * BoardConfig mega = BoardConfig.load(Path.of("board-configs"), "mega2560");
 * PinInfo d2 = uno.pin("D2");                                // also "d2" or "2"
 * d2.can(Capability.EDGE); d2.dropSource();                  // true, OptionalInt[0] (INT0)
 * }</pre>
 *
 * <p>Accessors that only make sense for a microcontroller ({@link #mcu()}, {@link #signature()},
 * {@link #baud()}, ...) throw {@link IllegalStateException} on a {@code kind = pi} board.
 */
public final class BoardConfig {

    private final String file;
    private final String name;
    private final BoardKind kind;
    private final String description;
    private final String model;
    private final Mcu mcu;
    private final long fCpu;
    private final UartBaud baud;
    private final String programmer;
    private final UartBaud uploadBaud;
    private final String avrdudePart;
    private final List<PinInfo> pins;
    private final Map<String, PinInfo> byName = new HashMap<>();
    private final Map<Integer, PinInfo> byNumber = new HashMap<>();

    BoardConfig(String file, String name, BoardKind kind, String description, String model, Mcu mcu, long fCpu, UartBaud baud,
                String programmer, UartBaud uploadBaud, String avrdudePart, List<PinInfo> pins) {
        this.file = file;
        this.name = name;
        this.kind = kind;
        this.description = description;
        this.model = model;
        this.mcu = mcu;
        this.fCpu = fCpu;
        this.baud = baud;
        this.programmer = programmer;
        this.uploadBaud = uploadBaud;
        this.avrdudePart = avrdudePart;
        this.pins = List.copyOf(pins);
        for (PinInfo p : this.pins) {
            byName.put(p.name().toLowerCase(Locale.ROOT), p);
            byNumber.put(p.number(), p);
        }
    }

    /** Loads {@code <dir>/<name>.conf}. */
    public static BoardConfig load(Path dir, String name) {
        return BoardConfigs.in(dir).load(name);
    }

    /** Loads a board from the located board-configs ({@link BoardConfigs#locate()}). */
    public static BoardConfig load(String name) {
        return BoardConfigs.locate().load(name);
    }

    /**
     * Parses and checks the text of a .conf file; {@code fileNameForMessages} appears in error
     * messages and, when it ends in {@code .conf}, its base name must equal the {@code board} key.
     */
    public static BoardConfig parse(String fileNameForMessages, String text) {
        return BoardConfigReader.read(fileNameForMessages, text);
    }

    /** Where this config was read from, as its messages name it. */
    public String file() {
        return file;
    }

    /** The board's name ({@code uno}), equal to its file name without {@code .conf}. */
    public String name() {
        return name;
    }

    public BoardKind kind() {
        return kind;
    }

    /** Free text; empty when the file has none. */
    public String description() {
        return description;
    }

    /** What the board is ({@code model} key of a pi board); empty when the file has none. */
    public String model() {
        return model;
    }

    /** The MCU (avr only). */
    public Mcu mcu() {
        return avr("mcu", mcu);
    }

    /** The MCU's signature bytes as one number, 0x1E950F for the ATmega328P (avr only). */
    public int signature() {
        return mcu().signature();
    }

    /** The CPU clock in Hz (avr only). */
    public long fCpu() {
        avr("f_cpu", mcu);
        return fCpu;
    }

    /** The default link baud (avr only). */
    public long baud() {
        return avr("baud", baud).requested();
    }

    /** How the USART makes the link baud: UBRR, U2X, actual rate and error (avr only). */
    public UartBaud baudSetting() {
        return avr("baud", baud);
    }

    /** avrdude's {@code -c} programmer (avr only). */
    public String programmer() {
        return avr("programmer", programmer);
    }

    /** The bootloader's baud (avr only). */
    public long uploadBaud() {
        return avr("upload_baud", uploadBaud).requested();
    }

    /** avrdude's {@code -p} part name (avr only). */
    public String avrdudePart() {
        return avr("avrdude_part", avrdudePart);
    }

    /** Every usable pin, in file order. */
    public List<PinInfo> pins() {
        return pins;
    }

    /**
     * The pin called {@code nameOrNumber}: its config name in any case ({@code D2}, {@code a0}) or
     * its number ({@code 2}, {@code 14}). Throws {@link NoSuchPinException} naming the board and
     * listing its pins.
     */
    public PinInfo pin(String nameOrNumber) {
        String key = nameOrNumber == null ? "" : nameOrNumber.strip();
        PinInfo p = byName.get(key.toLowerCase(Locale.ROOT));
        if (p == null && !key.isEmpty() && key.chars().allMatch(Character::isDigit) && key.length() < 6) {
            p = byNumber.get(Integer.parseInt(key));
        }
        if (p == null) {
            throw new NoSuchPinException("board " + name + " has no pin '" + nameOrNumber + "'; its pins: "
                    + pinList());
        }
        return p;
    }

    /** The pin with {@code number}; throws {@link NoSuchPinException} listing the board's pins. */
    public PinInfo pin(int number) {
        PinInfo p = byNumber.get(number);
        if (p == null) {
            throw new NoSuchPinException("board " + name + " has no pin number " + number + "; its pins: " + pinList());
        }
        return p;
    }

    /** The pin with {@code number}, if the board has it. */
    public Optional<PinInfo> findPin(int number) {
        return Optional.ofNullable(byNumber.get(number));
    }

    /**
     * The pins whose edges a drop source serves (PROTOCOL.md section 4): the pins a LOST marker or
     * a STATS drop counter of {@code source} concerns. Empty for sources without pins (11 ADC,
     * 12 RX) and on a pi board.
     */
    public List<PinInfo> pinsOfDropSource(int source) {
        List<PinInfo> out = new ArrayList<>();
        for (PinInfo p : pins) {
            if (p.dropSource().isPresent() && p.dropSource().getAsInt() == source) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    private String pinList() {
        List<String> names = new ArrayList<>();
        for (PinInfo p : pins) {
            names.add(p.name() + "=" + p.number());
        }
        return names.isEmpty() ? "(none)" : String.join(", ", names);
    }

    private <T> T avr(String key, T value) {
        if (kind != BoardKind.AVR) {
            throw new IllegalStateException("board " + name + " is a " + kind.confName() + " board: it has no " + key);
        }
        return value;
    }

    @Override
    public String toString() {
        return kind == BoardKind.AVR
                ? name + " (" + mcu + " at " + fCpu + " Hz, " + baud.requested() + " baud, " + pins.size() + " pins)"
                : name + " (" + kind.confName() + ", " + pins.size() + " pins)";
    }
}
