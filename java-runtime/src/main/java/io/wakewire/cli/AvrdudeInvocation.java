package io.wakewire.cli;

import io.wakewire.board.config.BoardConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One avrdude run that writes a hex file to a board through its bootloader, built from the board
 * config's {@code programmer}, {@code avrdude_part} and {@code upload_baud}. {@code -D} keeps
 * avrdude from erasing the chip first (a bootloader erases page by page as it writes, and a chip
 * erase is not something the Arduino bootloaders support); verification is avrdude's default and
 * stays on.
 */
record AvrdudeInvocation(String avrdude, String programmer, String part, String port, long baud, Path hex) {

    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    static AvrdudeInvocation of(String avrdude, BoardConfig board, String port, Long baudOverride, Path hex) {
        return new AvrdudeInvocation(avrdude, board.programmer(), board.avrdudePart(), port,
                baudOverride != null ? baudOverride : board.uploadBaud(), hex);
    }

    List<String> arguments() {
        List<String> a = new ArrayList<>();
        a.add(avrdude);
        a.add("-c");
        a.add(programmer);
        a.add("-p");
        a.add(part);
        a.add("-P");
        a.add(port);
        a.add("-b");
        a.add(Long.toString(baud));
        a.add("-D");
        a.add("-U");
        a.add("flash:w:" + hex + ":i");
        return a;
    }

    /** The command as one line a person can paste into a shell. */
    String shellLine() {
        List<String> quoted = new ArrayList<>();
        for (String arg : arguments()) {
            quoted.add(SHELL_SAFE.matcher(arg).matches() ? arg : "'" + arg.replace("'", "'\\''") + "'");
        }
        return String.join(" ", quoted);
    }
}
