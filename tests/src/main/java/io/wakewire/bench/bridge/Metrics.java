package io.wakewire.bench.bridge;

import java.util.Arrays;

/** Prints {@code METRIC <name> <value> <unit>} lines, and the percentiles they need. */
final class Metrics {

    private Metrics() {
    }

    static void print(String name, double value, String unit) {
        String v = value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format("%.4g", value);
        System.out.println("METRIC " + name + " " + v + " " + unit);
        System.out.flush();
    }

    /** The {@code p}-th percentile (0..100) of {@code values}, nearest rank. */
    static double percentile(long[] values, double p) {
        long[] v = values.clone();
        Arrays.sort(v);
        int i = (int) Math.ceil(p / 100.0 * v.length) - 1;
        return v[Math.max(0, Math.min(v.length - 1, i))];
    }

    static void note(String s) {
        System.out.println("# " + s);
        System.out.flush();
    }
}
