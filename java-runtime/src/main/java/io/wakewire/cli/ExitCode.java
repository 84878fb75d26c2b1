package io.wakewire.cli;

/**
 * The exit status of every {@code wakewire} command, for scripts. The numbers are part of the
 * command's interface: they never change meaning.
 *
 * <table>
 *   <caption>Exit codes</caption>
 *   <tr><td>0</td><td>done as asked</td></tr>
 *   <tr><td>1</td><td>a runtime failure: the board went away, a command was refused, events were lost, avrdude failed</td></tr>
 *   <tr><td>2</td><td>a usage error: unknown option, bad value, unknown board or pin</td></tr>
 *   <tr><td>3</td><td>something to run is missing: avrdude, make, the vboard binary, the firmware</td></tr>
 *   <tr><td>4</td><td>the serial port is missing, busy or not permitted</td></tr>
 *   <tr><td>5</td><td>the board did not answer in time (no HELLO, no bootloader)</td></tr>
 *   <tr><td>130</td><td>interrupted (Ctrl-C)</td></tr>
 * </table>
 */
public final class ExitCode {

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    public static final int MISSING_TOOL = 3;
    public static final int PORT = 4;
    public static final int NO_ANSWER = 5;
    public static final int INTERRUPTED = 130;

    /** The table above as text, for {@code --help} footers. */
    public static final String TABLE = """
            Exit codes:
              0    done
              1    runtime failure (board lost, refused, events lost, avrdude)
              2    usage error (unknown option, bad value, unknown board or pin)
              3    a tool or build output is missing (avrdude, make, vboard, firmware)
              4    serial port missing, busy or not permitted
              5    the board did not answer in time
              130  interrupted""";

    private ExitCode() {
    }
}
