package io.wakewire.board.config;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What the keys of a .conf file mean, and every check on them. Collects all problems before
 * failing, so one run shows a person everything wrong with the file.
 */
final class BoardConfigReader {

    private static final Set<String> AVR_KEYS = Set.of("board", "kind", "mcu", "signature", "f_cpu", "baud",
            "programmer", "upload_baud", "avrdude_part", "description");
    private static final List<String> AVR_REQUIRED = List.of("board", "kind", "mcu", "signature", "f_cpu", "baud",
            "programmer", "upload_baud", "avrdude_part");
    private static final Set<String> PI_KEYS = Set.of("board", "kind", "numbering", "model", "description");
    private static final List<String> PI_REQUIRED = List.of("board", "kind", "numbering");
    private static final Set<String> ALL_KEYS = union(AVR_KEYS, PI_KEYS);
    /** BCM numbers on the 40-pin header of a Pi 4 or Pi 5. */
    private static final int PI_LAST_PIN = 27;
    private static final long MAX_F_CPU = 50_000_000;
    private static final String CAPABILITY_NAMES = "in, out, pwm, edge, int0..int5, pcint0..pcint2, analog<N>";

    private final String file;
    private final List<BoardConfigException.Problem> problems = new ArrayList<>();
    private final Map<String, ConfFile.Entry> entries = new LinkedHashMap<>();
    private final List<ConfFile.Entry> pinEntries = new ArrayList<>();

    private BoardConfigReader(String file) {
        this.file = file;
    }

    static BoardConfig read(String file, String text) {
        return new BoardConfigReader(file).read(text);
    }

    private BoardConfig read(String text) {
        for (ConfFile.Entry e : ConfFile.parse(file, text, problems)) {
            if (e.key().startsWith("pin.")) {
                pinEntries.add(e);
            } else {
                entries.put(e.key(), e);
            }
        }
        BoardKind kind = kind();
        Set<String> allowed = kind == BoardKind.PI ? PI_KEYS : AVR_KEYS;
        for (ConfFile.Entry e : entries.values()) {
            if (!allowed.contains(e.key())) {
                problem(e, ALL_KEYS.contains(e.key())
                        ? "does not apply to " + article(kind) + " board"
                        : "unknown key (known: " + String.join(", ", sorted(ALL_KEYS)) + ", pin.<name>)");
            }
        }
        String name = boardName();
        String description = entries.containsKey("description") ? entries.get("description").value() : "";
        String model = entries.containsKey("model") ? entries.get("model").value() : "";
        if (kind == BoardKind.PI) {
            numbering();
        }
        Mcu mcu = null;
        long fCpu = 0;
        UartBaud baud = null;
        UartBaud uploadBaud = null;
        String programmer = null;
        String part = null;
        if (kind == BoardKind.AVR) {
            mcu = mcu();
            signature(mcu);
            fCpu = fCpu();
            baud = baud("baud", fCpu);
            uploadBaud = baud("upload_baud", fCpu);
            programmer = word("programmer");
            part = word("avrdude_part");
        }
        List<PinInfo> pins = pins(kind, mcu);
        for (String key : kind == BoardKind.PI ? PI_REQUIRED : AVR_REQUIRED) {
            if (!entries.containsKey(key)) {
                problems.add(new BoardConfigException.Problem(file, 0, key,
                        "missing; " + article(kind) + " board needs it"));
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(p -> p.line() == 0 ? Integer.MAX_VALUE : p.line()));
            throw new BoardConfigException(problems);
        }
        return new BoardConfig(file, name, kind, description, model, mcu, fCpu, baud, programmer, uploadBaud, part, pins);
    }

    private BoardKind kind() {
        ConfFile.Entry e = entries.get("kind");
        if (e == null) {
            return BoardKind.AVR; // reported as missing; check the rest as the common kind
        }
        for (BoardKind k : BoardKind.values()) {
            if (k.confName().equals(e.value())) {
                return k;
            }
        }
        problem(e, "'" + e.value() + "' is not a kind (avr or pi)");
        return BoardKind.AVR;
    }

    private String boardName() {
        ConfFile.Entry e = entries.get("board");
        if (e == null) {
            return "?";
        }
        String name = e.value();
        if (!name.matches("[a-z0-9][a-z0-9_-]*")) {
            problem(e, "'" + name + "' is not a board name (lower-case letters, digits, '-', '_')");
        }
        String base = file.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        if (base.endsWith(".conf") && !base.equals(name + ".conf")) {
            problem(e, "'" + name + "' differs from the file name " + base + " (they must match)");
        }
        return name;
    }

    private void numbering() {
        ConfFile.Entry e = entries.get("numbering");
        if (e != null && !e.value().equals("bcm")) {
            problem(e, "'" + e.value() + "' is not a numbering wakewire knows (bcm: Broadcom GPIO numbers)");
        }
    }

    private Mcu mcu() {
        ConfFile.Entry e = entries.get("mcu");
        if (e == null) {
            return null;
        }
        Mcu mcu = Mcu.byName(e.value());
        if (mcu == null) {
            problem(e, "unknown MCU '" + e.value() + "' (known: " + String.join(", ", Mcu.knownNames()) + ")");
        }
        return mcu;
    }

    private void signature(Mcu mcu) {
        ConfFile.Entry e = entries.get("signature");
        if (e == null) {
            return;
        }
        if (!e.value().matches("[0-9A-Fa-f]{6}")) {
            problem(e, "'" + e.value() + "' is not three signature bytes as six hex digits (like 1e950f)");
            return;
        }
        int sig = Integer.parseInt(e.value(), 16);
        if (mcu != null && sig != mcu.signature()) {
            problem(e, e.value() + " is not the " + mcu.name() + "'s signature ("
                    + String.format("%06x", mcu.signature()) + ")");
        }
    }

    private long fCpu() {
        ConfFile.Entry e = entries.get("f_cpu");
        if (e == null) {
            return 0;
        }
        long hz = positive(e, "Hz");
        if (hz > MAX_F_CPU) {
            problem(e, hz + " Hz is beyond any AVR (at most " + MAX_F_CPU + ")");
            return 0;
        }
        return hz;
    }

    private UartBaud baud(String key, long fCpu) {
        ConfFile.Entry e = entries.get(key);
        if (e == null) {
            return null;
        }
        long baud = positive(e, "baud");
        if (baud <= 0 || fCpu <= 0) {
            return null;
        }
        UartBaud setting = UartBaud.best(fCpu, baud);
        if (!setting.acceptable()) {
            long exact = UartBaud.nearestExact(fCpu, baud);
            problem(e, String.format(Locale.ROOT, "%d baud is %.1f%% off at %s (the AVR can make %d exactly)",
                    baud, Math.abs(setting.errorPercent()), mhz(fCpu), exact));
        }
        return setting;
    }

    private String word(String key) {
        ConfFile.Entry e = entries.get(key);
        if (e == null) {
            return null;
        }
        if (!e.value().matches("[A-Za-z0-9_.+-]+")) {
            problem(e, "'" + e.value() + "' is not one word (avrdude takes it on its command line)");
        }
        return e.value();
    }

    private List<PinInfo> pins(BoardKind kind, Mcu mcu) {
        List<PinInfo> pins = new ArrayList<>();
        Map<String, ConfFile.Entry> names = new HashMap<>();
        Map<Integer, ConfFile.Entry> numbers = new HashMap<>();
        for (ConfFile.Entry e : pinEntries) {
            String name = e.key().substring("pin.".length());
            if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
                problem(e, "'" + name + "' is not a pin name (a letter, then letters, digits, '_')");
                continue;
            }
            ConfFile.Entry sameName = names.putIfAbsent(name.toLowerCase(Locale.ROOT), e);
            if (sameName != null) {
                problem(e, "pin name '" + name + "' is already used on line " + sameName.line()
                        + " (names are looked up ignoring case)");
                continue;
            }
            PinInfo pin = pin(e, name, kind, mcu);
            if (pin == null) {
                continue;
            }
            ConfFile.Entry sameNumber = numbers.putIfAbsent(pin.number(), e);
            if (sameNumber != null) {
                problem(e, "pin number " + pin.number() + " is already " + sameNumber.key() + " (line "
                        + sameNumber.line() + ")");
                continue;
            }
            pins.add(pin);
        }
        return pins;
    }

    /** One {@code pin.<name> = <number> <capability> ...} line, or null after reporting what is wrong. */
    private PinInfo pin(ConfFile.Entry e, String name, BoardKind kind, Mcu mcu) {
        String[] tokens = e.value().split("\\s+");
        if (e.value().isEmpty()) {
            problem(e, "needs '<pin number> <capability> ...'");
            return null;
        }
        int number;
        try {
            number = Integer.parseInt(tokens[0]);
        } catch (NumberFormatException x) {
            problem(e, "'" + tokens[0] + "' is not a pin number; the line is '<pin number> <capability> ...'");
            return null;
        }
        int last = kind == BoardKind.PI ? PI_LAST_PIN : mcu != null ? mcu.pinCount() - 1 : 255;
        if (number < 0 || number > last) {
            problem(e, "pin number " + number + " is out of range (0.." + last + (mcu != null ? " on the " + mcu.name()
                    : kind == BoardKind.PI ? ", BCM numbers of the 40-pin header" : "") + ")");
            return null;
        }
        if (kind == BoardKind.AVR && (number == 0 || number == 1)) {
            problem(e, "pin " + number + " is D" + number + ", the serial link; the firmware refuses it");
            return null;
        }
        Set<Capability> caps = EnumSet.noneOf(Capability.class);
        Interrupt interrupt = null;
        int channel = -1;
        boolean ok = true;
        for (int i = 1; i < tokens.length; i++) {
            String t = tokens[i];
            Capability plain = plainCapability(t);
            Interrupt irq = Interrupt.ofConfName(t);
            if (plain != null) {
                if (!caps.add(plain)) {
                    problem(e, "capability '" + t + "' is listed twice");
                    ok = false;
                }
            } else if (irq != null || t.matches("analog[0-9]+")) {
                if (kind == BoardKind.PI) {
                    problem(e, "capability '" + t + "' is for AVR boards; a pi pin has in, out, pwm, edge");
                    ok = false;
                } else if (irq != null) {
                    if (interrupt != null) {
                        problem(e, "has two interrupts, " + interrupt.confName() + " and " + t + "; a pin has one");
                        ok = false;
                    }
                    interrupt = irq;
                } else {
                    if (channel >= 0 || t.length() > 8) {
                        problem(e, channel >= 0 ? "has two ADC channels" : "'" + t + "' is not an ADC channel");
                        ok = false;
                        continue;
                    }
                    channel = Integer.parseInt(t.substring("analog".length()));
                    caps.add(Capability.ANALOG);
                }
            } else {
                problem(e, "unknown capability '" + t + "' (known: " + CAPABILITY_NAMES + ")");
                ok = false;
            }
        }
        if (!ok) {
            return null;
        }
        if (mcu != null && !agreesWithMcu(e, number, mcu, interrupt, channel)) {
            return null;
        }
        if (caps.contains(Capability.EDGE) != (interrupt != null) && kind == BoardKind.AVR) {
            problem(e, interrupt == null
                    ? "'edge' needs the interrupt that serves it (int<N> or pcint<N>)"
                    : interrupt.confName() + " without 'edge': list 'edge' too, or drop the interrupt");
            return null;
        }
        return new PinInfo(name, number, caps, channel >= 0 ? OptionalInt.of(channel) : OptionalInt.empty(),
                Optional.ofNullable(interrupt));
    }

    private boolean agreesWithMcu(ConfFile.Entry e, int number, Mcu mcu, Interrupt interrupt, int channel) {
        boolean ok = true;
        if (interrupt != null && !mcu.serves(interrupt, number)) {
            Interrupt actual = mcu.interruptFor(number);
            problem(e, interrupt.confName() + " does not serve pin " + number + " on the " + mcu.name()
                    + (actual != null ? " (" + actual.confName() + " does)" : " (no interrupt does)"));
            ok = false;
        }
        if (channel >= 0 && mcu.analogChannelOf(number) != channel) {
            int actual = mcu.analogChannelOf(number);
            problem(e, "analog" + channel + " is not pin " + number + "'s ADC channel on the " + mcu.name()
                    + (actual >= 0 ? " (it is analog" + actual + ")" : " (the pin is not an ADC input)"));
            ok = false;
        }
        return ok;
    }

    private static Capability plainCapability(String t) {
        return switch (t) {
            case "in" -> Capability.IN;
            case "out" -> Capability.OUT;
            case "pwm" -> Capability.PWM;
            case "edge" -> Capability.EDGE;
            default -> null;
        };
    }

    private long positive(ConfFile.Entry e, String unit) {
        try {
            long v = Long.parseLong(e.value());
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problem(e, "'" + e.value() + "' is not a positive whole number of " + unit);
        return -1;
    }

    private void problem(ConfFile.Entry e, String message) {
        problems.add(new BoardConfigException.Problem(file, e.line(), e.key(), message));
    }

    private static String mhz(long hz) {
        return hz % 1_000_000 == 0 ? hz / 1_000_000 + " MHz" : String.format(Locale.ROOT, "%.6f MHz", hz / 1e6);
    }

    private static String article(BoardKind kind) {
        return (kind == BoardKind.AVR ? "an " : "a ") + kind.confName();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new java.util.HashSet<>(a);
        u.addAll(b);
        return Set.copyOf(u);
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }
}
