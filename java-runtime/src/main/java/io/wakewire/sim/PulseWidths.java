package io.wakewire.sim;

/**
 * The high pulses the firmware made on one pin, as the virtual board measured them from the pin's
 * changes (vboard's {@code widths D9}), in CPU cycles: how many, the shortest, longest and latest
 * width, the shortest and longest rise-to-rise period (0 when none).
 */
public record PulseWidths(String pin, long count, long min, long max, long last, long periodMin, long periodMax) {

    /** Parses "WIDTHS D9 n=3 min=.. max=.. last=.. period_min=.. period_max=..". */
    static PulseWidths parse(String line) {
        String[] w = line.trim().split("\\s+");
        if (w.length != 8 || !w[0].equals("WIDTHS")) {
            throw new VirtualBoardException("not a WIDTHS line: " + line);
        }
        long[] v = new long[6];
        for (int i = 0; i < 6; i++) {
            String kv = w[2 + i];
            v[i] = Long.parseLong(kv.substring(kv.indexOf('=') + 1));
        }
        return new PulseWidths(w[1], v[0], v[1], v[2], v[3], v[4], v[5]);
    }
}
