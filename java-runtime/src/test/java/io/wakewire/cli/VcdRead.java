package io.wakewire.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A VCD as the tests compare it: the 1-bit wires by name, their {@code $dumpvars} values and time,
 * and every value line after it. Reads the monitor's own files and what sigrok-cli and GTKWave's
 * fst2vcd write (their layouts differ: one change per line or several on a "#t v! v\"" line,
 * {@code $dumpvars} values in another order, headers spread over lines), since it reads tokens.
 *
 * @param dumpTime the time of {@code $dumpvars} (sigrok: 0, its dumps start there)
 * @param initial  per wire, its {@code $dumpvars} value
 * @param lines    every value line after {@code $dumpvars}, in file order, each with the value before it
 */
record VcdRead(long dumpTime, Map<String, Character> initial, List<Line> lines) {

    /** One value line: at {@code time}, {@code wire} took {@code value}; it had {@code before}. */
    record Line(long time, String wire, char value, char before) {
    }

    /** One change of a wire's value (a line that repeats the value is not one). */
    record Change(long time, char value) {
    }

    static VcdRead parse(String text) {
        Map<String, String> names = new HashMap<>();
        Map<String, Character> initial = new LinkedHashMap<>();
        Map<String, Character> value = new HashMap<>();
        List<Line> lines = new ArrayList<>();
        String[] t = text.trim().split("\\s+");
        long time = 0;
        long dumpTime = -1;
        boolean inDump = false;
        for (int i = 0; i < t.length; i++) {
            String tok = t[i];
            if (tok.equals("$var")) {
                // $var wire 1 <id> <name> [$end]
                if (!t[i + 2].equals("1")) {
                    throw new IllegalArgumentException("VCD: wire " + t[i + 4] + " is " + t[i + 2] + " bits wide, expected 1");
                }
                names.put(t[i + 3], t[i + 4]);
                i += 4;
            } else if (tok.equals("$dumpvars")) {
                inDump = true;
                dumpTime = time;
            } else if (tok.equals("$end")) {
                inDump = false;
            } else if (tok.startsWith("$") && !tok.equals("$enddefinitions") && !tok.equals("$scope")
                    && !tok.equals("$upscope") && !tok.equals("$var")) {
                while (!t[i].equals("$end")) { // $date, $version, $comment, $timescale: skipped whole
                    i++;
                }
            } else if (tok.startsWith("#")) {
                time = Long.parseLong(tok.substring(1));
            } else if (tok.length() >= 2 && "01xzXZ".indexOf(tok.charAt(0)) >= 0 && names.containsKey(tok.substring(1))) {
                String wire = names.get(tok.substring(1));
                char v = Character.toLowerCase(tok.charAt(0));
                if (inDump || !initial.containsKey(wire)) {
                    initial.put(wire, v);
                    if (dumpTime < 0) {
                        dumpTime = time; // a dump without $dumpvars (sigrok): its first values are the initial ones
                    }
                } else {
                    lines.add(new Line(time, wire, v, value.get(wire)));
                }
                value.put(wire, v);
            }
        }
        return new VcdRead(dumpTime, initial, lines);
    }

    /** The wires' names, in the order of their first value. */
    List<String> wires() {
        return List.copyOf(initial.keySet());
    }

    /** The changes of {@code wire}'s value after its {@code $dumpvars} value, at times shifted by {@code shift}. */
    List<Change> changes(String wire, long shift) {
        List<Change> out = new ArrayList<>();
        for (Line l : lines) {
            if (l.wire.equals(wire) && l.value != l.before) {
                out.add(new Change(l.time + shift, l.value));
            }
        }
        return out;
    }

    /** Every wire's changes, by name (the form two readers of one capture must agree on). */
    Map<String, List<Change>> allChanges(long shift) {
        Map<String, List<Change>> out = new LinkedHashMap<>();
        for (String w : initial.keySet()) {
            out.put(w, changes(w, shift));
        }
        return out;
    }

    /**
     * The edges of a pin as the monitor wrote them: each of its value lines, a repeated level
     * included (an odd loss between two edges leaves two of one level), but not the line that
     * leaves {@code x}, the level the writer knew the pin had before its first edge.
     */
    List<Change> edges(String pin) {
        List<Line> mine = lines.stream().filter(l -> l.wire.equals(pin)).toList();
        List<Change> out = new ArrayList<>();
        for (int i = 0; i < mine.size(); i++) {
            Line l = mine.get(i);
            boolean preLevel = l.before == 'x' && i + 1 < mine.size() && mine.get(i + 1).time == l.time + 1;
            if (!preLevel) {
                out.add(new Change(l.time, l.value));
            }
        }
        return out;
    }

    /** This dump as sigrok holds it: sigrok has no unknown level and reads {@code x} as 0. */
    VcdRead xAsZero() {
        Map<String, Character> init = new LinkedHashMap<>();
        initial.forEach((w, v) -> init.put(w, v == 'x' ? '0' : v));
        List<Line> out = lines.stream().map(l -> new Line(l.time, l.wire, l.value == 'x' ? '0' : l.value,
                l.before == 'x' ? '0' : l.before)).toList();
        return new VcdRead(dumpTime, init, out);
    }

    /** {@code wire}'s value once every line at {@code time} and before it is taken. */
    char valueAfter(String wire, long time) {
        char v = initial.get(wire);
        for (Line l : lines) {
            if (l.time > time) {
                break;
            }
            if (l.wire.equals(wire)) {
                v = l.value;
            }
        }
        return v;
    }
}
