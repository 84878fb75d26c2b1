package io.wakewire.cli;

import io.wakewire.board.I2cBus;
import io.wakewire.board.I2cException;
import io.wakewire.task.Async;

import java.io.PrintWriter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wakewire i2c scan} and {@code wakewire i2c read ADDR REG N}: the board's I2C bus (firmware
 * module i2c) from the command line. Numbers take 0x.. hex or decimal.
 */
@Command(name = "i2c", mixinStandardHelpOptions = true,
        description = "Use the board's I2C bus (firmware module i2c): scan it, read a device's registers.",
        subcommands = {I2cCommand.Scan.class, I2cCommand.Read.class},
        footer = {"", "Examples:", "  wakewire i2c scan --port /dev/ttyACM0",
                "  wakewire i2c read 0x76 0xD0 1 --port /dev/ttyACM0   (a BMP280's chip id: 58)", "", ExitCode.TABLE})
final class I2cCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CliException(ExitCode.USAGE, "i2c: say what to do: `wakewire i2c scan` or `wakewire i2c read ADDR REG N`");
    }

    /** 0x.. hex or decimal, within lo..hi; a usage error naming {@code what} otherwise. */
    static int number(String what, String s, int lo, int hi) {
        int v;
        try {
            String t = s.strip().toLowerCase(Locale.ROOT);
            v = t.startsWith("0x") ? Integer.parseInt(t.substring(2), 16) : Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new CliException(ExitCode.USAGE, what + " '" + s + "' is not a number (write 0x76 or 118)");
        }
        if (v < lo || v > hi) {
            throw new CliException(ExitCode.USAGE, String.format(Locale.ROOT, "%s %s is out of range (0x%02x..0x%02x)", what, s, lo, hi));
        }
        return v;
    }

    static int speed(int khz) {
        if (khz != 100 && khz != 400) {
            throw new CliException(ExitCode.USAGE, "--khz " + khz + ": the board's I2C runs at 100 or 400 kHz");
        }
        return khz * 1000;
    }

    @Command(name = "scan", mixinStandardHelpOptions = true,
            description = "List the addresses 0x08..0x77 that acknowledge.")
    static final class Scan implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Option(names = "--khz", defaultValue = "100", paramLabel = "KHZ", description = "Bus speed, 100 or 400. Default: ${DEFAULT-VALUE}.")
        int khz;

        @Override
        public Integer call() {
            int hz = speed(khz);
            PrintWriter out = spec.commandLine().getOut();
            BoardRunner runner = BoardRunner.of(common, common.requirePort(), spec.commandLine().getErr());
            return runner.run((board, r) -> {
                I2cBus i2c = Async.await(board.i2c(hz));
                List<Integer> found;
                try {
                    found = Async.await(i2c.scan());
                } catch (I2cException e) {
                    throw new CliException(ExitCode.FAILURE, e.getMessage());
                }
                out.println(found.isEmpty() ? "no I2C device answered (0x08..0x77)"
                        : found.stream().map(a -> String.format(Locale.ROOT, "0x%02x", a)).reduce((a, b) -> a + " " + b).get());
                out.flush();
                return ExitCode.OK;
            });
        }
    }

    @Command(name = "read", mixinStandardHelpOptions = true,
            description = "Write register REG to device ADDR, then read N bytes (repeated start); print them in hex.")
    static final class Read implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Parameters(index = "0", paramLabel = "ADDR", description = "7-bit device address, e.g. 0x76.")
        String addr;

        @Parameters(index = "1", paramLabel = "REG", description = "Register, 0x00..0xff.")
        String reg;

        @Parameters(index = "2", paramLabel = "N", description = "Bytes to read, 1..32.")
        String n;

        @Option(names = "--khz", defaultValue = "100", paramLabel = "KHZ", description = "Bus speed, 100 or 400. Default: ${DEFAULT-VALUE}.")
        int khz;

        @Override
        public Integer call() {
            int a = number("ADDR", addr, 0, 0x7F);
            int rg = number("REG", reg, 0, 0xFF);
            int count = number("N", n, 1, I2cBus.MAX_TRANSFER);
            int hz = speed(khz);
            PrintWriter out = spec.commandLine().getOut();
            BoardRunner runner = BoardRunner.of(common, common.requirePort(), spec.commandLine().getErr());
            return runner.run((board, r) -> {
                I2cBus i2c = Async.await(board.i2c(hz));
                byte[] data;
                try {
                    data = Async.await(i2c.writeRead(a, rg, count));
                } catch (I2cException e) {
                    throw new CliException(ExitCode.FAILURE, e.getMessage());
                }
                out.println(HexFormat.ofDelimiter(" ").formatHex(data));
                out.flush();
                return ExitCode.OK;
            });
        }
    }
}
