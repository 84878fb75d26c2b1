package io.wakewire.cli;

import io.wakewire.board.config.BoardConfig;
import io.wakewire.board.config.BoardConfigException;
import io.wakewire.board.config.BoardConfigs;
import io.wakewire.board.config.BoardKind;
import io.wakewire.board.config.Capability;
import io.wakewire.board.config.PinInfo;
import io.wakewire.board.config.UartBaud;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import picocli.CommandLine.Option;

/**
 * The options every board command shares (a picocli mixin): {@code --board} or
 * {@code --board-config}, {@code --port}, {@code --baud}, {@code --timeout}. Checks happen here, once, so that each command starts from
 * values that make sense: a known board, a baud its clock can make.
 */
final class CommonOptions {

    @Option(names = {"-b", "--board"}, paramLabel = "NAME",
            description = "Board config name: uno, nano, mega2560 (board-configs/<NAME>.conf). Default: uno.")
    String board;

    @Option(names = "--board-config", paramLabel = "FILE",
            description = "A board config file of your own (format: board-configs/README.md), instead of --board.")
    Path boardConfigFile;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT",
            description = "Serial port of the board, e.g. /dev/ttyACM0 (`wakewire ports` lists them).")
    String port;

    @Option(names = "--baud", paramLabel = "N",
            description = "Link baud rate. Default: the board config's (the firmware is built for it).")
    Integer baud;

    @Option(names = {"-t", "--timeout"}, paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Longest wait for the board (connect, answers; for flash the whole upload), e.g. 500ms, 10s."
                    + " Default: 5s (flash: 2m).")
    Duration timeout;

    private BoardConfig config;

    /**
     * The board config, loaded and checked once: the --board-config file, else the --board name
     * (default uno) among the known configs; an unknown name lists the known ones. Problems in a
     * file are reported as file:line: key '...': what.
     */
    BoardConfig config() {
        if (config == null) {
            if (boardConfigFile != null) {
                if (board != null) {
                    throw new CliException(ExitCode.USAGE, "--board " + board + " and --board-config " + boardConfigFile
                            + " name two boards; give one");
                }
                config = readFile(boardConfigFile);
            } else {
                config = configs().load((board == null ? "uno" : board).trim().toLowerCase(Locale.ROOT));
            }
        }
        return config;
    }

    /** A config file given by path: it is named in every message as the user typed it. */
    static BoardConfig readFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BoardConfigException(file.toString(), 0, null, "no such file (--board-config)");
        } catch (IOException e) {
            throw new BoardConfigException(file.toString(), 0, null, "cannot read (--board-config): "
                    + (Files.isDirectory(file) ? "it is a directory" : e.getMessage()));
        }
        return BoardConfig.parse(file.toString(), text);
    }

    /** The config of an AVR board (not a Pi); a Pi board is a usage error for serial commands. */
    BoardConfig avrConfig() {
        return requireAvr(config());
    }

    /** Loads board {@code name} and checks it is an AVR board. */
    static BoardConfig avrBoard(String name) {
        return requireAvr(configs().load(name.trim().toLowerCase(Locale.ROOT)));
    }

    /**
     * Where the board configs are: {@code -Dwakewire.boardConfigs}, else the checkout's (also when
     * the launcher names it with {@code -Dwakewire.root} from elsewhere), else the jar's copy.
     */
    static BoardConfigs configs() {
        String explicit = System.getProperty(BoardConfigs.PROPERTY);
        if (explicit == null || explicit.isBlank()) {
            java.util.Optional<Checkout> c = Checkout.find();
            if (c.isPresent() && java.nio.file.Files.isDirectory(c.get().root().resolve("board-configs"))) {
                return BoardConfigs.in(c.get().root().resolve("board-configs"));
            }
        }
        return BoardConfigs.locate();
    }

    private static BoardConfig requireAvr(BoardConfig c) {
        if (c.kind() != BoardKind.AVR) {
            throw new CliException(ExitCode.USAGE, "board '" + c.name() + "' is a " + c.kind().confName()
                    + " board, not a microcontroller on a serial port; this command needs an AVR board (uno, nano, mega2560)");
        }
        return c;
    }

    /** --timeout, or {@code fallback} when it was not given. */
    Duration timeoutOr(Duration fallback) {
        return timeout != null ? timeout : fallback;
    }

    /** The port, or a usage error naming the option and where to look. */
    String requirePort() {
        if (port == null || port.isBlank()) {
            throw new CliException(ExitCode.USAGE, "no --port given; `wakewire ports` lists the serial ports");
        }
        return port.trim();
    }

    /** The baud to use: --baud if given (checked against the board's clock), else the config's. */
    int baudOrDefault() {
        BoardConfig c = avrConfig();
        if (baud == null) {
            return (int) c.baud();
        }
        if (baud <= 0 || baud > 2_000_000) {
            throw new CliException(ExitCode.USAGE, "--baud " + baud + " is out of range (1 to 2000000)");
        }
        UartBaud u = UartBaud.best(c.fCpu(), baud);
        if (!u.acceptable()) {
            throw new CliException(ExitCode.USAGE, String.format(Locale.ROOT,
                    "--baud %d: the %s's %d Hz clock makes %.0f baud at best (%.1f%% off; more than %.1f%% fails);"
                            + " try %d", baud, c.name(), c.fCpu(), u.actual(), u.errorPercent(),
                    UartBaud.TOLERANCE_PERCENT, UartBaud.nearestExact(c.fCpu(), baud)));
        }
        return baud;
    }

    /** Pins named in {@code option}, each checked for {@code need} on the board (a usage error naming it otherwise). */
    static List<String> pinsThatCan(BoardConfig config, List<String> asked, Capability need, String option, String notIt) {
        List<String> out = new ArrayList<>();
        for (String a : asked) {
            PinInfo p;
            try {
                p = config.pin(a.trim());
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCode.USAGE, option + ": " + e.getMessage());
            }
            if (!p.can(need)) {
                throw new CliException(ExitCode.USAGE, option + ": " + p.name() + " on " + config.name() + " " + notIt);
            }
            if (!out.contains(p.name())) {
                out.add(p.name());
            }
        }
        return out;
    }
}
