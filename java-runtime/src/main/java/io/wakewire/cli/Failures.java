package io.wakewire.cli;

import io.wakewire.board.BoardException;
import io.wakewire.board.config.BoardConfigException;
import io.wakewire.board.config.NoSuchPinException;
import io.wakewire.link.PortOpenException;
import io.wakewire.sim.VirtualBoardException;
import io.wakewire.task.TaskCancelledException;
import io.wakewire.task.TaskFailedException;
import io.wakewire.task.TimedOutException;

import java.io.PrintWriter;

import picocli.CommandLine;

/**
 * Turns whatever a command threw into one line on stderr and an {@link ExitCode}. Known failures
 * (the runtime's typed exceptions) keep their own message, which already names the board, port or
 * file; anything else is a bug of ours, reported as such with its class name, still without a
 * stack trace unless {@code WAKEWIRE_DEBUG} is set.
 *
 * <p>Trade-off: mapping by exception type keeps commands free of try/catch, at the price of one
 * place that must know every package's exception types.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {

    /** What to print and how to exit. */
    record Verdict(int exitCode, String message) {
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        Verdict v = classify(ex);
        PrintWriter err = cmd.getErr();
        err.println(prefix(cmd) + v.message());
        if (System.getenv("WAKEWIRE_DEBUG") != null) {
            ex.printStackTrace(err);
        }
        err.flush();
        return v.exitCode();
    }

    /** "wakewire flash: " for a subcommand, "wakewire: " for the top. */
    static String prefix(CommandLine cmd) {
        return cmd.getParent() == null ? "wakewire: " : cmd.getCommandSpec().qualifiedName() + ": ";
    }

    static Verdict classify(Throwable t) {
        Throwable e = unwrap(t);
        if (e instanceof CliException c) {
            return new Verdict(c.exitCode(), c.getMessage());
        }
        PortOpenException port = find(e, PortOpenException.class);
        if (port != null) {
            return new Verdict(ExitCode.PORT, port.getMessage());
        }
        if (e instanceof BoardConfigException || e instanceof NoSuchPinException) {
            return new Verdict(ExitCode.USAGE, oneLine(e.getMessage()));
        }
        if (e instanceof TimedOutException) {
            return new Verdict(ExitCode.NO_ANSWER, oneLine(e.getMessage()));
        }
        if (e instanceof BoardException b) {
            return new Verdict(exitCode(b.reason()), oneLine(b.getMessage()));
        }
        if (e instanceof io.wakewire.gateway.GatewayException) {
            return new Verdict(ExitCode.FAILURE, oneLine(e.getMessage()));
        }
        if (e instanceof VirtualBoardException v) {
            return new Verdict(v.missingTool() ? ExitCode.MISSING_TOOL : ExitCode.FAILURE, oneLine(v.getMessage()));
        }
        if (e instanceof TaskCancelledException || e instanceof InterruptedException) {
            return new Verdict(ExitCode.INTERRUPTED, "interrupted");
        }
        return new Verdict(ExitCode.FAILURE, "internal error (please report): " + e);
    }

    /** A board failure's exit code, by its reason (a port that would not open was caught above, by type). */
    static int exitCode(BoardException.Reason reason) {
        return switch (reason) {
            case BAD_PIN -> ExitCode.USAGE;
            case NO_HELLO -> ExitCode.NO_ANSWER;
            case PORT_UNAVAILABLE -> ExitCode.PORT;
            case LINK_LOST, SILENT, RESET, NOT_CONNECTED, CLOSED, ENDED, MISMATCH, REFUSED,
                    MODULE_MISSING, I2C_FAILED -> ExitCode.FAILURE;
        };
    }

    /** The failure a task wrapper carries. */
    private static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof TaskFailedException || e instanceof CommandLine.ExecutionException
                || e instanceof java.util.concurrent.ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable e = t; e != null; e = e.getCause()) {
            if (type.isInstance(e)) {
                return type.cast(e);
            }
        }
        return null;
    }

    /** Multi-problem messages (a board config with several mistakes) joined on one line. */
    static String oneLine(String message) {
        return message == null ? "" : message.strip().replace("\n", "; ");
    }
}
