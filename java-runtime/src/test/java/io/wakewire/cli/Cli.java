package io.wakewire.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** Runs {@code wakewire <args>} in-process, the way {@link Main} would, and keeps what it printed. */
record Cli(int exit, String out, String err) {

    static Cli run(String... args) {
        return run(Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())), args);
    }

    /** Runs a command line built elsewhere (a command object with test doubles inside). */
    static Cli run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Cli(code, out.toString(), err.toString());
    }

    /** The user-facing failure contract: a message, and no stack trace. */
    Cli assertCleanError() {
        assertFalse(err.contains("\tat ") || err.contains("Exception"), "stack trace or exception name in: " + err);
        assertFalse(err.isBlank(), "no message on stderr");
        return this;
    }

    /** The one-line error: the first line on stderr that starts with "wakewire" (progress lines come before it). */
    String firstErrLine() {
        return err.lines().filter(l -> l.startsWith("wakewire")).findFirst().orElse("");
    }
}
