package io.wakewire.cli;

import io.wakewire.board.Sample;
import io.wakewire.board.SampleStream;
import io.wakewire.board.SamplesLostException;
import io.wakewire.board.config.BoardConfig;
import io.wakewire.board.config.Capability;
import io.wakewire.task.Async;
import io.wakewire.task.Futures;
import io.wakewire.task.TimedOutException;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * {@code wakewire monitor --analog A0,A1 --rate 1kHz}: board-timed samples (module stream), one
 * line each (text or CSV), optionally a VCD with one real-valued variable per pin (volts against
 * 5 V) at the samples' board times; losses are printed where they happen and make the exit code
 * FAILURE. MonitorCommand hands over here when --analog is given.
 */
final class AnalogMonitor {

    static final String CSV_HEADER = "pin,channel,raw,board_ticks,board_ns";

    private AnalogMonitor() {
    }

    /** "1kHz", "500Hz", "1000" -> Hz; a clear usage error otherwise. */
    static int parseRate(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        long mult = 1;
        if (t.endsWith("khz")) {
            mult = 1000;
            t = t.substring(0, t.length() - 3);
        } else if (t.endsWith("hz")) {
            t = t.substring(0, t.length() - 2);
        }
        try {
            double v = Double.parseDouble(t.trim()) * mult;
            if (v >= 1 && v <= 1_000_000 && v == Math.rint(v)) {
                return (int) v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new CliException(ExitCode.USAGE, "--rate " + s + ": not a whole rate in Hz (e.g. 1kHz, 500Hz, 2000)");
    }

    static int run(CommonOptions common, PrintWriter out, PrintWriter err, List<String> analog, String rateText, boolean csv,
                   boolean quiet, Path vcd, Long count, Duration duration) {
        if (rateText == null) {
            throw new CliException(ExitCode.USAGE, "--analog needs --rate (e.g. --rate 1kHz)");
        }
        int rate = parseRate(rateText);
        BoardConfig config = common.avrConfig();
        List<String> pins = CommonOptions.pinsThatCan(config, analog, Capability.ANALOG, "--analog", "has no ADC channel");
        String port = common.requirePort();
        Writer v;
        try {
            v = vcd == null ? null : Files.newBufferedWriter(vcd, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new CliException(ExitCode.USAGE, "--vcd " + vcd + ": cannot write: " + e.getMessage());
        }
        BoardRunner runner = BoardRunner.of(common, port, err);
        long[] got = {0, 0};
        try {
            return runner.run((board, r) -> {
                try (SampleStream s = board.samples(rate, pins.toArray(String[]::new))) {
                    err.println("sampling " + String.join(",", pins) + " at " + rate + " Hz each (board-timed, every "
                            + s.intervalTicks() * 4 + " us) on " + config.name() + "@" + port
                            + (duration == null && count == null ? "; Ctrl-C stops" : ""));
                    err.flush();
                    if (csv && !quiet) {
                        out.println(CSV_HEADER);
                    }
                    if (v != null) {
                        vcdHeader(v, config.name(), pins);
                    }
                    long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
                    while (!r.interrupted() && (count == null || got[0] < count) && System.nanoTime() < deadline) {
                        Sample x;
                        try {
                            x = Async.await(Futures.timeout(s.next(), Duration.ofMillis(200)));
                        } catch (TimedOutException idle) {
                            continue;
                        } catch (SamplesLostException lost) {
                            got[1] += Math.max(1, lost.count());
                            err.println("LOST " + lost.getMessage());
                            err.flush();
                            continue;
                        }
                        got[0]++;
                        if (!quiet) {
                            out.println(csv ? String.format(Locale.ROOT, "%s,%d,%d,%d,%d", x.pin(), x.channel(), x.raw(),
                                    x.ticks(), x.boardNanos())
                                    : String.format(Locale.ROOT, "%s %4d (%.3f V) tick %d", x.pin(), x.raw(), x.volts(5.0),
                                    x.ticks()));
                        }
                        if (v != null) {
                            v.write("#" + x.boardNanos() / 1000 + "\nr" + x.volts(5.0) + " " + id(pins.indexOf(x.pin())) + "\n");
                        }
                    }
                    Async.await(s.stop());
                }
                out.flush();
                err.println(got[0] + " samples, " + got[1] + " lost");
                err.flush();
                return got[1] == 0 ? ExitCode.OK : ExitCode.FAILURE;
            });
        } finally {
            if (v != null) {
                try {
                    v.close();
                } catch (IOException e) {
                    err.println("--vcd " + vcd + ": " + e.getMessage());
                }
            }
        }
    }

    private static String id(int i) {
        return String.valueOf((char) ('!' + i));
    }

    private static void vcdHeader(Writer v, String board, List<String> pins) throws IOException {
        v.write("$comment wakewire monitor --analog: volts against 5 V at the board's sample ticks $end\n");
        v.write("$timescale 1us $end\n$scope module " + board + " $end\n");
        for (int i = 0; i < pins.size(); i++) {
            v.write("$var real 64 " + id(i) + " " + pins.get(i) + " $end\n");
        }
        v.write("$upscope $end\n$enddefinitions $end\n");
    }
}
