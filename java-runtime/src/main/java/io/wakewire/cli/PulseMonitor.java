package io.wakewire.cli;

import io.wakewire.board.BoardException;
import io.wakewire.pin.Level;
import io.wakewire.measure.MeasureLostException;
import io.wakewire.measure.Pulse;
import io.wakewire.measure.Pulses;
import io.wakewire.task.Future;
import io.wakewire.task.Futures;
import io.wakewire.task.TimedOutException;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

import static io.wakewire.task.Async.await;

/**
 * {@code wakewire monitor --pulses D2}: the widths of one pin's pulses, from the board's edge
 * timestamps (exact to one tick), one line (or CSV row) each; a loss makes the pulses it touched
 * unknown, printed as a loss row, never as a wrong width. A width under the edge interrupt's own
 * time is marked (text {@code <=}, CSV {@code exact} 0): the true width is at most the reading
 * plus one tick.
 */
final class PulseMonitor {

    static final String CSV_HEADER = "pin,level,start_ticks,start_ns,width_ticks,width_ns,exact,lost,cause";

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean csv;

    PulseMonitor(PrintWriter out, PrintWriter err, boolean csv) {
        this.out = out;
        this.err = err;
        this.csv = csv;
    }

    /** Runs until {@code count} pulses, {@code duration} or Ctrl-C; exit code FAILURE when pulses were lost. */
    int run(BoardRunner runner, String pin, Level level, Long count, Duration duration) {
        return runner.run((board, r) -> {
            long pulses = 0;
            long losses = 0;
            long max = count == null ? Long.MAX_VALUE : count;
            long start = System.nanoTime();
            String lvl = level.name().toLowerCase(Locale.ROOT);
            try (Pulses p = board.pin(pin).pulses(level)) {
                await(p.ready());
                err.println("monitoring " + lvl + " pulses on " + pin + " (" + board.label() + ")"
                        + (duration == null && count == null ? "; Ctrl-C stops" : ""));
                err.flush();
                if (csv) {
                    out.println(CSV_HEADER);
                }
                while (pulses < max) {
                    Future<Pulse> next = p.next();
                    if (duration != null) {
                        long left = duration.toNanos() - (System.nanoTime() - start);
                        if (left <= 0) {
                            break;
                        }
                        next = Futures.timeout(next, Duration.ofNanos(left));
                    }
                    try {
                        print(await(next));
                        pulses++;
                    } catch (MeasureLostException l) {
                        losses++;
                        lost(pin, lvl, l);
                    } catch (TimedOutException t) {
                        break;
                    }
                }
            } catch (BoardException e) {
                if (!r.interrupted()) {
                    throw e;
                }
            }
            out.flush();
            err.println(String.format(Locale.ROOT, "summary: %d %s pulses on %s, %d loss(es) (the pulses they touched "
                    + "are unknown)", pulses, lvl, pin, losses));
            err.flush();
            return losses == 0 ? ExitCode.OK : ExitCode.FAILURE;
        });
    }

    private void print(Pulse p) {
        if (csv) {
            out.println(p.pin() + "," + (p.high() ? 1 : 0) + "," + p.startTicks() + "," + p.startNanos() + ","
                    + p.widthTicks() + "," + p.widthNanos() + "," + (p.exact() ? 1 : 0) + ",0,");
        } else {
            out.println(String.format(Locale.ROOT, "%s %s pulse %s%10.3f us (%d ticks) at board %.6f s", p.pin(),
                    p.high() ? "high" : "low", p.exact() ? "  " : "<=", p.widthMicros(), p.widthTicks(),
                    p.startNanos() / 1e9));
        }
        out.flush();
    }

    private void lost(String pin, String lvl, MeasureLostException l) {
        if (csv) {
            out.println(pin + "," + (lvl.equals("high") ? 1 : 0) + ",,,,,," + l.count() + ","
                    + l.getMessage().replace(',', ';'));
        } else {
            out.println(l.getMessage());
        }
        out.flush();
    }
}
