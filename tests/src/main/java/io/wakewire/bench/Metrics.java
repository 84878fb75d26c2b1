package io.wakewire.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import org.openjdk.jmh.results.RunResult;

/**
 * What every benchmark program prints: {@code METRIC <name> <value> <unit>} lines (the format the
 * Makefile's bench targets promise), {@code #} notes, the machine line, and the small lookups the
 * programs share (a JMH result by method name, a percentile).
 */
public final class Metrics {

    private Metrics() {
    }

    /** One metric line: whole numbers as they are, others to four significant digits, never in exponent form. */
    public static void print(String name, double value, String unit) {
        System.out.println("METRIC " + name + " " + format(value) + " " + unit);
        System.out.flush();
    }

    public static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    public static void note(String s) {
        System.out.println("# " + s);
        System.out.flush();
    }

    /** The machine the figures come from, as the README quotes it. */
    public static void machine() {
        note("machine: " + Runtime.getRuntime().availableProcessors() + " cpus, " + cpuModel() + "; JDK "
                + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + "), load average "
                + java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** The primary score of the JMH benchmark method {@code method}, or null when the run produced none. */
    public static Double jmhScore(Collection<RunResult> results, String method) {
        Double found = null;
        for (RunResult r : results) {
            if (r.getParams().getBenchmark().endsWith("." + method)) {
                found = r.getPrimaryResult().getScore();
            }
        }
        return found;
    }

    /** The {@code p}-th percentile (0..100) of {@code values}, nearest rank. */
    public static double percentile(long[] values, double p) {
        long[] v = values.clone();
        Arrays.sort(v);
        int i = (int) Math.ceil(p / 100.0 * v.length) - 1;
        return v[Math.max(0, Math.min(v.length - 1, i))];
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: leave it out
        }
        return "CPU model unknown";
    }
}
