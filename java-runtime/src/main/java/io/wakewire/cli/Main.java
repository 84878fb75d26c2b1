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

    /**
     * A usage mistake: one line (as the README promises) with the reason, picocli's suggestions if
     * it has any, and where to read more; not the whole help page.
     */
    private static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(usageLine(cmd, ex));
        err.flush();
        return ExitCode.USAGE;
    }

    static String usageLine(CommandLine cmd, CommandLine.ParameterException ex) {
        String path = cmd.getCommandSpec().qualifiedName();
        StringBuilder line = new StringBuilder(Failures.prefix(cmd)).append(Failures.oneLine(ex.getMessage()));
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            // picocli suggests options as "--board", commands by bare name
            line.append("; did you mean ").append(String.join(" or ", u.getSuggestions().stream()
                    .map(x -> x.startsWith("-") ? x : path + " " + x).toList())).append('?');
        }
        boolean commands = cmd.getParent() == null && !cmd.getSubcommands().isEmpty();
        return line.append(" (`").append(path).append(" --help` lists the ").append(commands ? "commands" : "options")
                .append(')').toString();
    }
}
