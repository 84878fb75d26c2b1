package io.wakewire.sim;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How to start a virtual board.
 *
 * @param freeRun         run the simulation as fast as the CPU allows instead of pacing it to the
 *                        wall clock (benchmarks; timing between host and board is then meaningless)
 * @param startupTimeout  how long to wait for the {@code PTY} and {@code READY} lines
 * @param commandTimeout  how long to wait for a command's {@code OK}/{@code ERR} answer
 * @param boardConfig     the config file to pass as {@code --board-config}; null = the one found
 *                        by {@link BuildArtifacts}
 * @param extraArgs       more vboard options (e.g. {@code --tick-us 50})
 */
public record VirtualBoardOptions(boolean freeRun, Duration startupTimeout, Duration commandTimeout, Path boardConfig,
                                  List<String> extraArgs) {

    public VirtualBoardOptions {
        if (startupTimeout == null || startupTimeout.isNegative() || startupTimeout.isZero()) {
            throw new IllegalArgumentException("startupTimeout must be positive, got " + startupTimeout);
        }
        if (commandTimeout == null || commandTimeout.isNegative() || commandTimeout.isZero()) {
            throw new IllegalArgumentException("commandTimeout must be positive, got " + commandTimeout);
        }
        extraArgs = extraArgs == null ? List.of() : List.copyOf(extraArgs);
    }

    /** Paced to the wall clock, 10 s to start, 5 s per command. */
    public static VirtualBoardOptions defaults() {
        return new VirtualBoardOptions(false, Duration.ofSeconds(10), Duration.ofSeconds(5), null, List.of());
    }

    public VirtualBoardOptions withFreeRun(boolean on) {
        return new VirtualBoardOptions(on, startupTimeout, commandTimeout, boardConfig, extraArgs);
    }

    public VirtualBoardOptions withCommandTimeout(Duration d) {
        return new VirtualBoardOptions(freeRun, startupTimeout, d, boardConfig, extraArgs);
    }

    public VirtualBoardOptions withExtraArgs(List<String> args) {
        return new VirtualBoardOptions(freeRun, startupTimeout, commandTimeout, boardConfig, args);
    }
}
