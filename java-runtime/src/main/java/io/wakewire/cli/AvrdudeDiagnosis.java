package io.wakewire.cli;

import java.util.List;
import java.util.Locale;

/**
 * Reads avrdude's output after a failed run and says in one line what went wrong and what to do.
 * avrdude's own words are long and repeated ten times ("attempt 3 of 10: not in sync"); the
 * patterns below are the ones avrdude 6.x and 7.x print for the common failures.
 */
final class AvrdudeDiagnosis {

    private AvrdudeDiagnosis() {
    }

    /** The failure of a run that ended with {@code exitStatus} (or was killed: {@code timedOut}). */
    static CliException diagnose(List<String> lines, int exitStatus, boolean timedOut, AvrdudeInvocation run,
                                 String timeout) {
        String all = String.join("\n", lines).toLowerCase(Locale.ROOT);
        String port = run.port();
        if (all.contains("no such file or directory") && (all.contains("open port") || all.contains("open device"))) {
            return new CliException(ExitCode.PORT, "port " + port + " does not exist: is the board plugged in?"
                    + " `wakewire ports` lists the serial ports");
        }
        if (all.contains("permission denied")) {
            return new CliException(ExitCode.PORT, "permission denied on " + port + ": add yourself to the dialout"
                    + " group (sudo usermod -aG dialout $USER, then log out and in again)");
        }
        if (all.contains("resource busy")) {
            return new CliException(ExitCode.PORT, "port " + port + " is busy (a serial monitor, ModemManager or"
                    + " another wakewire has it open)");
        }
        if (all.contains("verification error") || all.contains("verification mismatch") || all.contains("mismatch at")) {
            return new CliException(ExitCode.FAILURE, "the flash did not verify: what the board holds differs from "
                    + run.hex() + "; flash again, and check the power and the cable");
        }
        if (all.contains("not in sync") || all.contains("not responding") || all.contains("protocol error")
                || (timedOut && !all.contains("writing"))) {
            return new CliException(ExitCode.NO_ANSWER, "the board on " + port + " does not answer its bootloader"
                    + " (programmer " + run.programmer() + " at " + run.baud() + " baud"
                    + (timedOut ? ", nothing within " + timeout : "") + "): check --port and --board, press reset"
                    + " just before flashing, or the bootloader may be missing or use another baud");
        }
        if (all.contains("expected signature") || all.contains("device signature")) {
            return new CliException(ExitCode.FAILURE, "the chip's signature is not that of part " + run.part()
                    + ": is --board right? (" + lastError(lines) + ")");
        }
        if (timedOut) {
            return new CliException(ExitCode.NO_ANSWER, "avrdude did not finish within " + timeout
                    + " and was stopped (use --timeout for a slower board)");
        }
        return new CliException(ExitCode.FAILURE, "avrdude failed (exit status " + exitStatus + "): " + lastError(lines));
    }

    /** avrdude's last line that says "error", or its last non-empty line. */
    private static String lastError(List<String> lines) {
        String last = "";
        for (String l : lines) {
            String s = l.strip();
            if (s.isEmpty() || s.startsWith("avrdude done")) {
                continue;
            }
            last = s;
        }
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).toLowerCase(Locale.ROOT).contains("error")) {
                return lines.get(i).strip();
            }
        }
        return last.isEmpty() ? "no output" : last;
    }
}
