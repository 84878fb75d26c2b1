package io.wakewire.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine;

/**
 * Parses the durations people type: {@code 500ms}, {@code 5s}, {@code 1.5s}, {@code 2m},
 * {@code 100us}, {@code 1h}; a bare number is seconds. Zero and negative durations are refused,
 * because every duration option of the command is a limit or a period.
 */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(us|µs|ms|s|m|h)?");

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    static Duration parse(String value) {
        Matcher m = FORM.matcher(value == null ? "" : value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new CommandLine.TypeConversionException("'" + value
                    + "' is not a duration (examples: 500ms, 5s, 1.5s, 2m)");
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double nanosPerUnit = switch (unit) {
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            default -> 3600e9;
        };
        double nanos = n * nanosPerUnit;
        if (nanos < 1 || nanos > Long.MAX_VALUE / 2.0) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a usable duration (must be above"
                    + " zero and below a century)");
        }
        return Duration.ofNanos((long) nanos);
    }

    /** "1.5 s", "250 ms", "80 µs": for messages and summaries. */
    static String format(Duration d) {
        long ns = d.toNanos();
        if (ns >= 10_000_000_000L) {
            return String.format(Locale.ROOT, "%d s", ns / 1_000_000_000L);
        }
        if (ns >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f s", ns / 1e9);
        }
        if (ns >= 1_000_000L) {
            return String.format(Locale.ROOT, "%d ms", ns / 1_000_000L);
        }
        return String.format(Locale.ROOT, "%d µs", ns / 1_000L);
    }
}
