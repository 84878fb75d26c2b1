package io.wakewire.cli;

import java.io.PrintWriter;

import picocli.CommandLine;

/** {@code java -jar wakewire.jar ...}: runs one command and exits with its {@link ExitCode}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // the runtime's few java.util.logging notices as one plain line each, not JUL's two-line default
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "wakewire: %5$s%6$s%n");
        }
        int code = commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
        System.exit(code);
    }

    /**
     * The configured command line writing to {@code out} and {@code err}: tests call this and
     * {@code execute(args)} in-process and read what was printed.
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new WakewireCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new Failures());
        cl.setParameterExceptionHandler(Main::usageError);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExitCodeExceptionMapper(t -> Failures.classify(t).exitCode());
        return cl;
    }

    /** A usage mistake: the one-line reason and where to read more, not the whole help page. */
    private static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(Failures.prefix(cmd) + Failures.oneLine(ex.getMessage()));
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        String path = cmd.getCommandSpec().qualifiedName();
        err.println("Try '" + path + " --help' for the options.");
        err.flush();
        return ExitCode.USAGE;
    }
}
